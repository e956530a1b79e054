"""The shape of the code: which package may import which, no import circles, small modules.

docs/architecture.md explains the layers; these tests keep them from eroding.
"""

from pathlib import Path

import grimp
import pytest

PROJECT_PACKAGES = ("balkanoscope", "stories", "partners")
ROOT = Path(__file__).resolve().parent.parent
MAX_MODULE_LINES = 400
# The URLconf is where the apps meet: the one module of the project package that imports them.
COMPOSITION_ROOTS = {"balkanoscope.urls"}


@pytest.fixture(scope="module")
def graph():
    return grimp.build_graph(*PROJECT_PACKAGES)


def imports_of(graph, importer_package, imported_package):
    """(importer, imported) pairs of direct imports from one package into another."""
    return sorted(
        (importer, imported)
        for importer in graph.find_children(importer_package) | graph.find_descendants(importer_package)
        for imported in graph.find_modules_directly_imported_by(importer)
        if imported == imported_package or imported.startswith(imported_package + ".")
    )


def import_cycles(graph):
    """Groups of modules that import each other, directly or through others (Tarjan's algorithm)."""
    modules = sorted(graph.modules)
    index, low, on_stack, stack, cycles = {}, {}, set(), [], []

    def visit(module):
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for imported in sorted(graph.find_modules_directly_imported_by(module)):
            if imported not in index:
                visit(imported)
                low[module] = min(low[module], low[imported])
            elif imported in on_stack:
                low[module] = min(low[module], index[imported])
        if low[module] == index[module]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == module:
                    break
            if len(group) > 1:
                cycles.append(sorted(group))

    for module in modules:
        if module not in index:
            visit(module)
    return cycles


def test_no_module_imports_a_module_that_imports_it_back(graph):
    assert import_cycles(graph) == []


def test_the_project_package_does_not_import_the_apps_except_in_the_urlconf(graph):
    found = [
        pair
        for app in ("stories", "partners")
        for pair in imports_of(graph, "balkanoscope", app)
        if pair[0] not in COMPOSITION_ROOTS
    ]
    assert found == []


def test_stories_never_imports_partners(graph):
    assert imports_of(graph, "stories", "partners") == []


def test_partners_builds_on_the_shared_admin_base_not_on_the_story_admin(graph):
    found = imports_of(graph, "partners", "stories.admin") + imports_of(
        graph, "partners", "stories.editorial.story_admin"
    )
    assert found == []


def test_no_python_module_is_over_400_lines():
    too_long = {}
    for package in (*PROJECT_PACKAGES, "tests"):
        for path in (ROOT / package).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            lines = len(path.read_text(encoding="utf-8").splitlines())
            if lines > MAX_MODULE_LINES:
                too_long[str(path.relative_to(ROOT))] = lines
    assert too_long == {}
