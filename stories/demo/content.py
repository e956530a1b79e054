"""Demo content written for the project: fictional people, clearly marked as demo material."""

DEMO_NOTE = "This is a fictional demo story written for the Balkanoscope project; it is not a real person's account."

COUNTRIES = [
    {
        "name": "Albania",
        "description": (
            "Albania runs from the high peaks of the north down to the Ionian coast, and it spent "
            "almost half a century cut off from its neighbours before 1991. Emigration has since touched "
            "a great many families, while towns such as Shkodër, Korçë and Vlorë deal with floods, "
            "unplanned construction and a job market that struggles to keep young people at home."
        ),
    },
    {
        "name": "Bosnia and Herzegovina",
        "description": (
            "Bosnia and Herzegovina carries the heaviest legacy of the wars of the 1990s, and the peace "
            "settlement that stopped the fighting also left it with one of Europe's most complicated "
            "systems of government. Its stories come from people who farm, teach, report and rebuild in a "
            "country where the past is never fully settled and everyday problems easily get stuck in "
            "political deadlock."
        ),
    },
    {
        "name": "Kosovo",
        "description": (
            "Kosovo is home to Albanian, Serb and other communities whose daily lives are still shaped by "
            "the war of 1998–1999 and by questions that remain open. It has one of the youngest populations "
            "in Europe, and many of its stories are about the gap between that energy and what is on offer: "
            "work, the freedom to travel, and answers for the families of the missing."
        ),
        "footnote": (
            "This designation is without prejudice to positions on status, and is in line with "
            "UNSCR 1244/1999 and the ICJ Opinion on the Kosovo declaration of independence."
        ),
    },
    {
        "name": "Montenegro",
        "description": (
            "Montenegro is small enough that everyone seems to know everyone, and its famous coastline lies "
            "only a few hours' drive from northern towns that have been emptying for decades. The stories "
            "here move between the summer season on the coast, the coal and steel towns of the interior, "
            "and the quiet pressure that organised crime puts on young people."
        ),
    },
    {
        "name": "North Macedonia",
        "description": (
            "North Macedonia is a country of many languages, where Macedonian, Albanian, Turkish, Roma and "
            "other communities share the same towns, if not always the same cafés. Its stories often start "
            "with work: sewing lines in the east, public jobs handed out along party lines, old industry whose "
            "traces are still in the soil, and the steady departure of people who see a future elsewhere."
        ),
    },
    {
        "name": "Serbia",
        "description": (
            "Serbia is the largest country in the region, with a capital that keeps growing while many towns "
            "in the south and east get older and smaller. The people in these stories live with mining and "
            "its dust, with emigration, with the exclusion of Roma neighbourhoods, and with the personal cost "
            "of speaking up when public money goes missing."
        ),
    },
]

THEMES = [
    {
        "name": "Post-war",
        "description": (
            "More than a generation after the wars of the 1990s, their consequences still sit at kitchen "
            "tables across the region: relatives who were never found, schools split in two, families who "
            "never went home. These stories look at how people live with that history, and sometimes past it."
        ),
    },
    {
        "name": "Poverty",
        "description": (
            "Poverty in the Western Balkans is often quiet: a pension that is gone by the middle of the "
            "month, a house heated one room at a time, a child who stays home from the school trip. These "
            "stories show how families stretch what little they have, and what that stretching costs them."
        ),
    },
    {
        "name": "Unemployment",
        "description": (
            "Closed factories, endless temporary contracts and degrees that lead nowhere have made job "
            "hunting a way of life for many people in the region. Here, workers and graduates talk about "
            "what it means to be told, year after year, that there is nothing for them."
        ),
    },
    {
        "name": "Corruption",
        "description": (
            "From a job that seems to require a party card to a tender everyone knew was decided in advance, "
            "corruption shapes ordinary choices in the region. These stories come from people who paid the "
            "price, refused to pay it, or decided to say out loud what they had seen."
        ),
    },
    {
        "name": "Crime",
        "description": (
            "Organised crime, blood feuds and violence behind closed doors leave marks that rarely make the "
            "news once the police tape comes down. The people here talk about fear, about what it takes to "
            "walk away from violence, and about the times institutions did not protect them."
        ),
    },
    {
        "name": "Lack of opportunities",
        "description": (
            "Many young people in the region grow up feeling that real life happens somewhere else. These "
            "stories follow those who leave, those who stay and those still making up their minds, and the "
            "towns that change as a result."
        ),
    },
    {
        "name": "Environment",
        "description": (
            "Smog trapped in winter valleys, rivers that carry floodwater and rubbish, mines and smelters a "
            "stone's throw from schools: environmental damage in the region pays no attention to borders. "
            "These stories are told by the people who breathe, farm and fish in the middle of it."
        ),
    },
    {
        "name": "Freedoms",
        "description": (
            "The freedom to speak, to travel and simply to be who you are is written into every constitution "
            "in the region, but it is lived very unevenly. These stories come from reporters, travellers and "
            "people who have had to fight for the right to be themselves in public."
        ),
    },
    {
        "name": "Rule of law",
        "description": (
            "When a court case drags on for a decade, inspectors look the other way and protection orders "
            "stay on paper, people stop believing that the rules apply to everyone. These stories are about "
            "justice that is slow, selective or missing, and about the people who keep demanding it anyway."
        ),
    },
]

CONTRIBUTORS = [
    {
        "name": "Jelena Đukić",
        "role": "writer",
        "bio": (
            "Features writer from Kraljevo who has spent a decade reporting on emigration, work and small-town "
            "life in Serbia and Montenegro. She prefers long conversations in kitchens to short ones on the "
            "phone. (Fictional demo profile.)"
        ),
    },
    {
        "name": "Ema Hadžiahmetović",
        "role": "writer",
        "bio": (
            "Sarajevo-based reporter covering returnees, schools and the long aftermath of the war in Bosnia "
            "and Herzegovina. Before journalism she taught literature at a secondary school in Tuzla. "
            "(Fictional demo profile.)"
        ),
    },
    {
        "name": "Arbër Gashi",
        "role": "writer",
        "bio": (
            "Writer and radio producer from Prizren who follows youth, justice and the search for missing "
            "persons in Kosovo. He conducts his interviews in Albanian and Serbian and translates them himself. "
            "(Fictional demo profile.)"
        ),
    },
    {
        "name": "Blerina Çela",
        "role": "writer",
        "bio": (
            "Reporter from Shkodër who writes about water, land and the people who depend on them along "
            "Albania's lakes and coast. She also runs storytelling workshops for secondary-school students. "
            "(Fictional demo profile.)"
        ),
    },
    {
        "name": "Ана Стефановска",
        "role": "translator",
        "bio": (
            "Translator from Bitola working between Macedonian, Albanian, Serbian and English. For "
            "Balkanoscope she also interviews storytellers across North Macedonia. (Fictional demo profile.)"
        ),
    },
    {
        "name": "Vuk Radonjić",
        "role": "illustrator",
        "bio": (
            "Illustrator from Cetinje who draws the landscapes and townscapes that open Balkanoscope stories. "
            "He draws places rather than faces, so that storytellers are recognisable only to the people who "
            "already know them. (Fictional demo profile.)"
        ),
    },
    {
        "name": "Teuta Morina",
        "role": "editor",
        "bio": (
            "Features editor who reads every Balkanoscope story with its storyteller, line by line, before "
            "it is published. She previously worked in newsrooms in Pristina and Skopje. "
            "(Fictional demo profile.)"
        ),
    },
]

PARTNERS = [
    {
        "name": "European Western Balkans",
        "short_name": "EWB",
        "slug": "european-western-balkans",
        "website": "https://europeanwesternbalkans.com",
        "founded_year": 2014,
        "sort_order": 1,
        "description": (
            "European Western Balkans is an online news portal devoted to a single question: how the "
            "countries of the Western Balkans are progressing, or stalling, on their road to membership of "
            "the European Union. Since its launch in 2014 it has published news, analysis and opinion for "
            "readers both in the region and in Brussels and other EU capitals.\n\n"
            "The portal is run by the Centre for Contemporary Politics, a Belgrade-based civil society "
            "organisation working on democratisation, European integration and cooperation between the "
            "countries of the region. In Balkanoscope, EWB contributes its editorial experience and its "
            "network of writers across the six countries."
        ),
        "logo_colors": ("#123b6d", "#ffffff"),
    },
    {
        "name": "European Fund for the Balkans",
        "short_name": "EFB",
        "slug": "european-fund-for-the-balkans",
        "website": "https://www.balkanfund.org",
        "founded_year": 2007,
        "sort_order": 2,
        "description": (
            "The European Fund for the Balkans was set up by a group of European foundations to back "
            "democracy in the Western Balkans, bring the region closer to the European Union, and show what "
            "it can contribute to the challenges Europe faces as a whole. It designs its own programmes and "
            "supports projects run by others.\n\n"
            "Its work combines three strands: helping people and organisations grow their skills, developing "
            "policy proposals, and encouraging cooperation across the region's borders. Balkanoscope belongs "
            "firmly to the third: it treats the problems of six countries as one shared story rather than "
            "six separate ones."
        ),
        "logo_colors": ("#0b6e4f", "#ffffff"),
    },
]

ABOUT_PAGE = {
    "title": "About Balkanoscope",
    "slug": "about",
    "intro": (
        "Balkanoscope publishes first-person stories from people across the Western Balkans whose lives "
        "are shaped by problems that no single country in the region faces alone."
    ),
    "body": (
        "<p>Balkanoscope collects and publishes the stories of ordinary people in Albania, Bosnia and "
        "Herzegovina, Kosovo, Montenegro, North Macedonia and Serbia. We listen to a farmer whose fields "
        "flood every winter, a nurse learning German on her night shifts, a journalist answering her "
        "twelfth lawsuit, and we let them tell what happened to them in their own words.</p>"
        "<h2>Why one region, not six countries</h2>"
        "<p>The borders in the Western Balkans are younger than many of the people living along them. A "
        "polluted river flows through two or three states, a criminal network recruits in one town and "
        "operates in another, and the young people leaving Niš, Tetovo or Korçë are searching for the same "
        "things. Reporting on each country separately makes these problems look local. Putting the "
        "stories side by side shows how much they have in common, and why <strong>solutions will have to "
        "be shared too</strong>.</p>"
        "<h2>What we write about</h2>"
        "<p>Every story is filed under one or more of nine themes:</p>"
        "<ul>"
        "<li><strong>Post-war</strong>: the missing, the displaced, divided schools and towns;</li>"
        "<li><strong>Poverty</strong> and <strong>Unemployment</strong>: making ends meet, and looking for "
        "work that lasts;</li>"
        "<li><strong>Corruption</strong> and <strong>Crime</strong>: what they cost the people who do not "
        "profit from them;</li>"
        "<li><strong>Lack of opportunities</strong>: leaving, staying and coming back;</li>"
        "<li><strong>Environment</strong>: air, water and soil, and the people who live with their "
        "damage;</li>"
        "<li><strong>Freedoms</strong> and <strong>Rule of law</strong>: speaking, travelling and living "
        "freely, and institutions that do, or do not, protect those rights.</li>"
        "</ul>"
        "<h2>How stories are gathered</h2>"
        "<p>Our writers, translators and editors meet storytellers in person whenever possible and record "
        "conversations only with their <strong>informed consent</strong>. Before publication, every "
        "storyteller reads or hears the final text in a language they are comfortable with and can ask for "
        "changes or withdraw the story altogether.</p>"
        "<p>Some people cannot safely speak under their own name. On request, we publish a story "
        "<strong>anonymously</strong>, change identifying details such as a village or an employer, and "
        "keep the storyteller's real name out of our published pages. Stories that describe violence or "
        "loss carry a content note at the top.</p>"
        "<h3>Illustrations, not portraits</h3>"
        "<p>Our stories open with illustrations of places, not photographs of people. A landscape can show "
        "where a story happens without showing who told it.</p>"
        "<h2>Tell us your story</h2>"
        "<p>If you live in the region, or come from it, and you have a story about how one of these "
        "problems has touched your life, we would like to hear it. Write to us at "
        '<a href="mailto:stories@balkanoscope.example">stories@balkanoscope.example</a> in any language of '
        "the region or in English. A few lines are enough to start; an editor will reply and, if you wish, "
        "arrange a conversation.</p>"
        "<blockquote>We publish stories, not verdicts. Our aim is to make sure the people living with "
        "these problems are heard.</blockquote>"
        "<h2>Who is behind Balkanoscope</h2>"
        "<p>Balkanoscope is a joint initiative of "
        '<a href="https://europeanwesternbalkans.com">European Western Balkans</a>, a regional news portal on '
        "European integration, and the "
        '<a href="https://www.balkanfund.org">European Fund for the Balkans</a>, a joint initiative of '
        "European foundations supporting democracy, European integration and regional cooperation.</p>"
    ),
}

STORIES = [
    # --- Albania -------------------------------------------------------------------------------
    {
        "title": "The Lake Doesn't Know Where the Border Is",
        "subtitle": (
            "Every few winters, the waters of Lake Shkodër and the Buna climb into Dritë Gjoni's house. "
            "Her cousins on the Montenegrin shore watch the same water rise."
        ),
        "summary": (
            "In a village near Shkodër, a farmer has learned to read the lake better than any forecast. "
            "When it floods, it floods on both sides of the border, and so, she says, should the solution."
        ),
        "body": (
            "<p>Dritë Gjoni keeps pencil lines on her kitchen door frame. They are not her grandchildren's "
            "heights. “That one is 2010,” she says, tapping a mark level with her chest. “The one below it is "
            "the year after. On the small ones I stopped writing dates. There were too many.”</p>"
            "<p>Her village lies on the flat land south of Shkodër, where the Drin, the Buna and the lake meet "
            "and argue about where the water should go. In a dry summer the fields are generous: maize, "
            "watermelons, a few rows of tomatoes she sells from a table by the road to drivers heading for the "
            "coast. In a wet December the same fields become part of the lake.</p>"
            "<h2>Reading the water</h2>"
            "<p>Dritë is sixty-one and has lived through more floods than she can list. She reads the signs "
            "before any warning arrives: the colour of the Buna, the ditches that stop draining, the rain that "
            "will not stop falling on the mountains to the north. “By the time my phone tells me to be careful, "
            "the water is already in the yard,” she says. “The phone is for people in the city.”</p>"
            "<p>When the big flood came in the winter of 2010, she and her husband carried the television, the "
            "sewing machine and a sack of flour up to the attic and waited. The cows went by boat to a cousin's "
            "farm on higher ground; two of them did not survive the cold. Under the fresh paint, the walls of "
            "the ground floor still show a tide mark, like a scar that healed badly.</p>"
            "<blockquote>“The lake has no passport. It does not stop at the border to ask which country it is "
            "in.”</blockquote>"
            "<p>Across the water, on the Montenegrin shore, Dritë has relatives she sees at weddings and "
            "funerals. They grow the same crops and curse the same rain, and during floods they phone each "
            "other to compare levels. “My cousin says the water is at her steps, and I tell her mine is at the "
            "window,” she laughs, and then stops laughing. “Two countries, one puddle.”</p>"
            "<h2>Everyone owns a piece</h2>"
            "<p>What angers her most is the sense that every institution is responsible for a piece of the "
            "problem and nobody for the whole. The dams upstream on the Drin release water when they have to. "
            "The bed of the Buna fills with gravel and rubbish. An embankment is repaired in one village and "
            "not in the next. She has sat through meetings on both sides of the lake where engineers showed "
            "maps coloured in a hopeful blue, and she has watched the maps go back into their folders.</p>"
            "<p>“I am not against electricity and I am not against anybody,” she says. “I only want them to "
            "sit at one table: Albanians and Montenegrins, the people with the dams and the people with the "
            "cows. The water already works together. Only the people don't.”</p>"
            "<p>Her son left for Italy fifteen years ago and sends money every spring so the ground floor can "
            "be repainted. He has asked her many times to move into a flat in Shkodër, on a third floor where "
            "no lake can reach. She refuses. “Then who would write on the door?” she asks. “If I leave, the "
            "water wins, and nobody even remembers how high it came.”</p>"
        ),
        "storyteller": "Dritë Gjoni",
        "anonymous": False,
        "location": "Shkodër",
        "countries": ["Albania", "Montenegro"],
        "themes": ["Environment", "Poverty"],
        "keywords": ["water", "farming", "cross-border"],
        "contributors": ["Blerina Çela", "Vuk Radonjić"],
        "content_warning": "",
        "image_alt": (
            "An illustration of a flat lakeside plain at dusk, with a line of poplars and a single-storey "
            "house standing in shallow floodwater."
        ),
        "image_caption": "The plain between Lake Shkodër and the Buna, where fields turn into water most winters.",
        "days_ago": 3,
        "featured": True,
        "language": "en",
    },
    {
        "title": "In Tirana, Ardit From Korçë Becomes Andrea From Milan",
        "subtitle": (
            "A computer science graduate answers Italian customers from a call centre under a borrowed name. "
            "He is saving for a ticket, and still not sure which way it should go."
        ),
        "summary": (
            "Ardit studied programming, then took the only job that wanted him: selling energy contracts to "
            "Italians as “Andrea”. He has given himself one more year to decide whether to stay."
        ),
        "body": (
            "<p>At nine every morning, Ardit Llaçi puts on a headset in an open-plan office in Tirana and "
            "becomes Andrea. Andrea is from Milan, or sometimes Bologna, depending on the customer. Andrea is "
            "endlessly patient. Andrea has never been to Korçë.</p>"
            "<p>“My Italian is better than my English, thanks to television,” says Ardit, who is twenty-six. "
            "“My grandmother watched Italian quiz shows all afternoon and I sat next to her with my homework. "
            "Now those quiz shows pay my rent.”</p>"
            "<h2>The degree in the drawer</h2>"
            "<p>Ardit has a degree in computer science. After graduating he kept a spreadsheet of every job he "
            "applied for, most of them in software development. Few replied. Those that invited him to an "
            "interview wanted years of experience for a junior post, or offered an unpaid internship that would "
            "last, as one manager put it, “as long as necessary”.</p>"
            "<p>The call centre replied within a day. The pay is better than his father's was as a teacher, he "
            "admits, but the shifts are long, the targets change every month, and a screen on the wall ranks "
            "everyone by the number of contracts sold. “It's like a football league,” he says, “except "
            "everybody is losing.”</p>"
            "<p>His life, for now, is arranged around three habits:</p>"
            "<ul>"
            "<li>he sends the same amount home to Korçë every month, before he pays for anything else;</li>"
            "<li>he shares a flat with two colleagues, one of whom studies German at night;</li>"
            "<li>he writes code at weekends, “so my brain remembers what it was trained for”.</li>"
            "</ul>"
            "<blockquote>“All day I talk to people in Italy, and all day I think: I could just go there. Then "
            "I think: and do what? Be Andrea in person?”</blockquote>"
            "<h2>One more year</h2>"
            "<p>Most of his classmates have already left, for Italy, Germany or Britain. Their group chat is a "
            "slow stream of snow in Munich, complaints about rent and photographs of food that is “not as good "
            "as home”. Ardit replies with photographs of his screen at work. Nobody finds it funny any more, "
            "including him.</p>"
            "<p>What keeps him here is partly his parents, who are getting older in a house on the edge of "
            "Korçë, and partly the town itself: the cathedral lit up at night, the crowds at the beer festival "
            "in August, his mother's byrek on a Sunday. But mostly it is a small, stubborn hope. A friend from "
            "university is starting a software company in Korçë, building booking systems for the guesthouses "
            "in the villages around Voskopojë.</p>"
            "<p>“If he gets one more client, he can hire me,” Ardit says. “Not for a lot of money. But as Ardit, "
            "not as Andrea.” He has given himself until next summer. If the client doesn't come, he says, he "
            "will buy the ticket, and he has not yet decided whether it will say Milan or Munich.</p>"
        ),
        "storyteller": "Ardit Llaçi",
        "anonymous": False,
        "location": "Korçë",
        "countries": ["Albania"],
        "themes": ["Lack of opportunities", "Unemployment"],
        "keywords": ["youth", "emigration", "call centres"],
        "contributors": ["Blerina Çela"],
        "content_warning": "",
        "image_alt": (
            "An illustration of a street in Korçë at night, with the lit windows of an office block and a "
            "lone figure waiting at a bus stop."
        ),
        "image_caption": "Korçë, where Ardit goes home every other weekend.",
        "days_ago": 27,
        "featured": False,
        "language": "en",
    },
    {
        "title": "Concrete Where the Nets Used to Dry",
        "subtitle": (
            "A fisherman in Vlorë has watched the shore of his childhood disappear under apartment blocks. "
            "Every complaint he filed, he says, came back with a stamp and nothing else."
        ),
        "summary": (
            "Bujar Muça has fished the Bay of Vlorë for forty years. He has seen beaches vanish under "
            "buildings nobody seems to have approved, and fish grow scarce in water nobody seems to check."
        ),
        "body": (
            "<p>Bujar Muça points at a seven-storey building with balconies facing the sea. “There,” he says. "
            "“That is where my father dried his nets. There was a fig tree, and a shed with a tin roof, and "
            "nothing else until the next bay.” Today the building has a pizzeria on the ground floor and a "
            "banner offering flats with “first line sea view”.</p>"
            "<p>He is fifty-eight and has fished the Bay of Vlorë since he was a teenager, first with his "
            "father's wooden boat and now with a slightly less wooden one. In summer he takes tourists out to "
            "the caves of the Karaburun peninsula and around Sazan island, where the water is still clear "
            "enough to make visitors gasp. In winter he goes back to the nets.</p>"
            "<h2>The building that grew at night</h2>"
            "<p>The construction he remembers most clearly started a few years ago on a small stream that "
            "reached the sea near his house. One week there was a fence. A month later there were foundations "
            "in the stream bed. When the first autumn storm came, the water had nowhere to go and flooded the "
            "road and two gardens.</p>"
            "<p>Bujar went to the municipality. He went to the inspectorate. He wrote letters, and his "
            "daughter, who studies law in Tirana, helped him make them sound official. Each letter came back "
            "with a reference number. “I have a very good collection of reference numbers,” he says. “If "
            "somebody ever opens a museum of complaints, I can donate it.”</p>"
            "<blockquote>“They tell me the building is being legalised. I ask: when was it illegal? Nobody "
            "knows. It was never illegal, and it was never legal. It was just there.”</blockquote>"
            "<h2>Fewer fish, more questions</h2>"
            "<p>What worries him more than the concrete is what he cannot see. Sewage from new buildings goes "
            "somewhere, he says, and in the hottest weeks of summer the water near the town smells wrong. The "
            "catch has become smaller and less predictable. He is careful not to blame one thing: there is "
            "overfishing too, he admits, and he has seen boats using nets they should not. “Everybody takes a "
            "little,” he says. “The sea gives and gives, and then one day it says: enough.”</p>"
            "<p>He is not against tourism. His own summers depend on it, and he is proud when visitors from "
            "Poland or the Czech Republic come back for a second year and ask for him by name. What he wants "
            "is simpler: rules that are the same for the man with the fishing boat and the man with the "
            "crane.</p>"
            "<p>“When I put a net in the wrong place, the police find me in one hour,” he says. “When someone "
            "puts seven floors in the wrong place, nobody can find anything for years. Explain to me how that "
            "works, and I will stop complaining.” He smiles, because he knows nobody will.</p>"
        ),
        "storyteller": "Bujar Muça",
        "anonymous": False,
        "location": "Vlorë",
        "countries": ["Albania"],
        "themes": ["Environment", "Corruption", "Rule of law"],
        "keywords": ["coast", "fishing", "construction"],
        "contributors": ["Blerina Çela"],
        "content_warning": "",
        "image_alt": (
            "An illustration of a bay in the early morning, with a small fishing boat in the foreground and "
            "a row of unfinished apartment blocks along the shore."
        ),
        "image_caption": "The Bay of Vlorë, where beaches have given way to new buildings.",
        "days_ago": 58,
        "featured": False,
        "language": "en",
    },
    {
        "title": "Eleven Years Inside Four Walls",
        "subtitle": (
            "When he was nine, a killing by his uncle put every man in his family under threat of revenge. "
            "He did not leave the house again until he was twenty."
        ),
        "summary": (
            "A young man from near Lezhë spent his childhood confined at home because of a blood feud he had "
            "no part in. He asks why the state treated it as a family matter for so long."
        ),
        "body": (
            "<p><em>The storyteller asked us not to publish his name or the name of his village. Some details "
            "have been changed to protect him and his family.</em></p>"
            "<p>He remembers the day exactly because it was his ninth birthday, and there was supposed to be "
            "a cake. Instead, his mother took the children into the back room, his father locked the gate, "
            "and an uncle he barely knew was gone. Two families had argued for years over a strip of land "
            "between their fields. That afternoon the argument ended with a man dead.</p>"
            "<p>“I did not understand anything,” he says. “I understood only that I could not go to school "
            "tomorrow. Then I could not go the day after. Then it was a year.”</p>"
            "<h2>A childhood behind a gate</h2>"
            "<p>Under the version of customary law that the other family invoked, any man from his family "
            "could be targeted in revenge, even a boy. So the men stayed inside: his father, his two older "
            "brothers and him. His mother and sisters did the shopping, worked the field and went to the "
            "municipality to ask for help.</p>"
            "<p>A teacher from the village school came twice a week with books, for as long as she could. "
            "He learned to read properly from her, and to draw, because drawing passed the time. He watched "
            "the road from an upstairs window and knew every car in the village by the sound of its engine.</p>"
            "<blockquote>“Many people told me the old code never allowed anyone to hurt children. Maybe. But "
            "nobody wanted to be the first to test it on me.”</blockquote>"
            "<h2>“Come back when something happens”</h2>"
            "<p>What he still cannot forgive is not the other family but the silence around them. His mother "
            "went to the police more than once. She was told that there was no crime to investigate, that "
            "threats were words, that the families should sort it out between themselves. “They were waiting "
            "for a second body,” he says. “Then they would have had paperwork.”</p>"
            "<p>In the end, reconciliation came through village elders and a priest who spent years travelling "
            "between the two houses, drinking coffee nobody enjoyed. When the other family finally agreed to "
            "forgive, he was twenty. He walked to the end of the road and back, and then sat down in the grass "
            "because his legs were shaking.</p>"
            "<p>Today he is twenty-seven and works as an electrician in Lezhë. He finished primary school "
            "through an evening programme and is proud of it, but he has no friends his own age from "
            "childhood, and crowds still make him nervous. He has started talking to school groups about what "
            "happened to him, always without his name.</p>"
            "<p>“I want children to know that this is not tradition, it is a trap,” he says. “And I want the "
            "state to know that a child locked in a house is already a victim. You do not need to wait for a "
            "funeral to count him.”</p>"
        ),
        "storyteller": "Pjetër Kola",
        "anonymous": True,
        "location": "Lezhë",
        "countries": ["Albania"],
        "themes": ["Crime", "Rule of law"],
        "keywords": ["family", "justice", "youth"],
        "contributors": ["Blerina Çela", "Teuta Morina"],
        "content_warning": (
            "This story describes a killing and its long-term effects on a family, including the confinement "
            "of a child."
        ),
        "image_alt": (
            "An illustration of a stone house behind a closed iron gate, with hills and a winding country road "
            "beyond it under a pale sky."
        ),
        "image_caption": "A village in the hills near Lezhë. The storyteller's village is not named at his request.",
        "days_ago": 190,
        "featured": False,
        "language": "en",
    },
    # --- Bosnia and Herzegovina ---------------------------------------------------------------
    {
        "title": "My Son Counts the Chimneys Before School",
        "subtitle": (
            "In Zenica, Amra Begić's father spent thirty years in the steelworks. Now her son's inhaler lives "
            "in his school bag, and she has no job to lose by saying so."
        ),
        "summary": (
            "A mother in Zenica keeps a notebook of the days her son cannot breathe properly. The steelworks "
            "that fed her family for decades is also, she believes, the reason she needs it."
        ),
        "body": (
            "<p>Every winter morning, eight-year-old Tarik stands at the kitchen window in a flat in Zenica "
            "and counts the chimneys he can see. “If I can see all of them, it's a good day,” he explains. "
            "“If I can only see two, I take my pump.” The pump is a blue inhaler. He has had it since he was "
            "four.</p>"
            "<p>His mother, Amra Begić, has a notebook in the drawer under the television. In it she writes the "
            "date, whether Tarik coughed at night, and what the sky looked like. She started it on the advice "
            "of a doctor at the health centre who told her, quietly, that she was far from the only parent "
            "asking about children's lungs.</p>"
            "<h2>A family of steel</h2>"
            "<p>Amra's father worked at the steelworks for thirty years. Her grandfather helped build part of "
            "it. When she was a child, the plant meant a salary, a holiday at the coast once a year and a "
            "town full of people who had come from all over Yugoslavia to work there. “We were proud of the "
            "smoke,” she says. “Smoke meant work.”</p>"
            "<p>She does not say this with nostalgia. After the war, the plant changed owners and shrank, and "
            "her father was among those who took a small redundancy payment in his fifties. The smoke stayed, "
            "she says, even when the jobs did not.</p>"
            "<blockquote>“My father gave his health to that plant, and he got a pension he can barely live on. "
            "My son has given it his lungs, and he is eight.”</blockquote>"
            "<h2>Nothing left to lose</h2>"
            "<p>Until last year, Amra worked in a bakery near the bus station. When it closed, she registered "
            "as unemployed and began doing cleaning work without a contract. She laughs when asked whether she "
            "is afraid to speak about pollution. “People who work at the plant have to be careful. I have no "
            "job to lose. That is my only advantage.”</p>"
            "<p>She has joined a group of parents who attend public consultations and ask for measurements to "
            "be published in a way ordinary people can understand. They do not always get answers. Once, she "
            "says, an official told her that Zenica had always been an industrial town and that people who "
            "wanted clean air should move to the mountains. “I said: good, give me a job in the mountains and "
            "I'll go tomorrow.”</p>"
            "<p>What she wants is not for the plant to close. She knows what that would mean for the town. "
            "She wants filters, checks and fines that are actually collected, and she wants someone to read "
            "her notebook. “I write it for Tarik,” she says. “One day he will ask me what we did about it. I "
            "want to show him that at least we wrote it down.”</p>"
        ),
        "storyteller": "Amra Begić",
        "anonymous": False,
        "location": "Zenica",
        "countries": ["Bosnia and Herzegovina"],
        "themes": ["Environment", "Unemployment"],
        "keywords": ["air pollution", "health", "steel"],
        "contributors": ["Ema Hadžiahmetović"],
        "content_warning": "",
        "image_alt": (
            "An illustration of a river valley town under a low grey winter sky, with tall industrial chimneys "
            "half hidden in haze."
        ),
        "image_caption": "Zenica in winter, when the haze settles over the Bosna valley.",
        "days_ago": 74,
        "featured": False,
        "language": "en",
    },
    {
        "title": "Two Bells, One Building",
        "subtitle": (
            "Ivana Marić went to a school with two entrances, two timetables and two versions of history. "
            "She met the children from the other shift only when she was sixteen."
        ),
        "summary": (
            "For eight years, Ivana shared a school building in Stolac with children she never met. A court "
            "once called the arrangement discrimination. She wants to know why the building still has two "
            "bells."
        ),
        "body": (
            "<p>The school Ivana Marić went to had two bells. One rang for her shift, which started in the "
            "morning, used the main entrance and followed one curriculum. The other rang for the children of "
            "the other shift, who came in the afternoon, used the side door and learned a different version of "
            "language, history and geography.</p>"
            "<p>“We shared the same desks,” she says. “Sometimes I found a drawing or a name carved into mine, "
            "and I would wonder who she was. For eight years I never found out.”</p>"
            "<h2>The building after the war</h2>"
            "<p>Ivana was born in Stolac in the late 1990s, a few years after the war had emptied and then "
            "slowly refilled the town. By the time she started school, the arrangement had been in place long "
            "enough that nobody her age questioned it. Teachers from the two shifts passed each other in the "
            "corridor at noon. Children of the two shifts were kept apart by the timetable itself.</p>"
            "<p>“Nobody told us to hate anyone,” she says, choosing her words carefully. “It was worse, in a "
            "way. They simply arranged things so that we would never need to know each other.”</p>"
            "<h2>Sixteen and meeting the other shift</h2>"
            "<p>At sixteen she joined a drama workshop run by a youth organisation in Mostar. The first "
            "morning, she realised that three of the other participants went to her school. They recognised "
            "the building from the photographs on her phone. One of them, it turned out, had sat at her desk "
            "in the afternoons.</p>"
            "<blockquote>“We laughed about it for a whole day. Then we stopped laughing, because it wasn't "
            "funny at all.”</blockquote>"
            "<p>The play they wrote together was about a school with two bells. They performed it in Mostar "
            "and, once, in Sarajevo. It was never performed in Stolac.</p>"
            "<h2>A ruling on the wall</h2>"
            "<p>Ivana studied law in Mostar and now works for an organisation that gives free legal aid. Years "
            "ago, she points out, a court found that separating children in this way was discrimination and "
            "ordered it to end. A copy of the ruling hangs framed in her office. Schools like hers still "
            "have two entrances.</p>"
            "<p>“That is the part I want people to understand,” she says. “This is not only about the war. The "
            "war ended before I was born. It is about a decision that courts have already judged, and adults "
            "who keep choosing not to carry it out.”</p>"
            "<p>She still keeps in touch with the girl from her desk. They meet for coffee when they are both "
            "home for holidays, in a café halfway between the two entrances. “We joke that it is neutral "
            "territory,” Ivana says. “One day I would like it just to be a café.”</p>"
        ),
        "storyteller": "Ivana Marić",
        "anonymous": False,
        "location": "Stolac",
        "countries": ["Bosnia and Herzegovina"],
        "themes": ["Post-war", "Rule of law", "Lack of opportunities"],
        "keywords": ["education", "youth", "divided towns"],
        "contributors": ["Ema Hadžiahmetović"],
        "content_warning": "",
        "image_alt": (
            "An illustration of a small stone town in Herzegovina at midday, with a river, old houses and a "
            "school building with two separate doors."
        ),
        "image_caption": "Stolac, on the Bregava river.",
        "days_ago": 133,
        "featured": False,
        "language": "en",
    },
    {
        "title": "Raspberries Don't Ask Who Picked Them",
        "subtitle": (
            "Fadila Hasanović returned to her village near Srebrenica to a roofless house and a husband who "
            "was still missing. Today she runs a raspberry cooperative with her neighbours, from both sides."
        ),
        "summary": (
            "Fadila buried her husband years after the genocide in Srebrenica, once his remains were found. "
            "She now sells raspberries with Bosniak and Serb neighbours, and argues with buyers about prices."
        ),
        "body": (
            "<p>In July the hills above Srebrenica smell of raspberries. Fadila Hasanović is sixty-eight, and "
            "she still picks from six in the morning until the sun gets too high, her fingers stained a deep "
            "red that does not wash off until August. “My grandchildren say I look like I've been in a "
            "fight,” she says. “I tell them: I have, with the bushes.”</p>"
            "<p>July is also the month she does not talk about easily. In July 1995 she left Srebrenica with "
            "her two daughters. Her husband, Hasan, stayed with the men who tried to escape through the "
            "forests. He did not arrive.</p>"
            "<h2>Coming back</h2>"
            "<p>Fadila spent seven years in a collective centre and then a rented room near Tuzla. She came "
            "back to her village in 2003. The house had no roof and no windows. A humanitarian organisation "
            "provided materials, and she and her brother rebuilt it room by room. “The first winter we lived "
            "in the kitchen,” she says. “Only the kitchen had a door.”</p>"
            "<p>In 2009 she received a phone call: Hasan's remains had been identified through a DNA match. "
            "He was buried at the memorial centre in Potočari on the eleventh of July that year, among "
            "hundreds of others. She goes every year.</p>"
            "<blockquote>“I waited fourteen years to bury him. People ask me if it gave me peace. It gave me "
            "a place to go. That is not the same thing, but it is something.”</blockquote>"
            "<h2>The cooperative</h2>"
            "<p>When she came back, raspberries were the one crop that paid. But buyers set the price at the "
            "start of the season and often lowered it halfway through, knowing that the fruit could not wait. "
            "Fadila started talking to other women in the area about selling together, and some of them were "
            "Serb neighbours who had the same problem with the same buyers.</p>"
            "<p>The cooperative has about twenty members now. They share a cold store bought with a small "
            "grant and negotiate the price together. Not every conversation is easy, and some subjects they "
            "leave alone. “We don't talk about the war when we sort fruit,” Fadila says. “We talk about the "
            "rain, the price and whose daughter is getting married. Maybe that is how it has to be for now.”</p>"
            "<p>She is still poor, she says plainly. Her pension is small, and a bad season means a winter "
            "of careful counting. But she has no intention of leaving again. “They wanted this place empty,” "
            "she says, looking at the rows of bushes going down the hill. “Every summer, when it is full of "
            "people picking, I feel that we answered them.”</p>"
        ),
        "storyteller": "Fadila Hasanović",
        "anonymous": False,
        "location": "Srebrenica",
        "countries": ["Bosnia and Herzegovina"],
        "themes": ["Post-war", "Poverty"],
        "keywords": ["return", "farming", "women"],
        "contributors": ["Ema Hadžiahmetović", "Vuk Radonjić"],
        "content_warning": (
            "This story refers to the 1995 genocide in Srebrenica and the loss and burial of a family member."
        ),
        "image_alt": (
            "An illustration of green hills in early summer, with rows of raspberry bushes running down a slope "
            "towards a village and a small mosque."
        ),
        "image_caption": "Raspberry fields in the hills around Srebrenica.",
        "days_ago": 241,
        "featured": False,
        "language": "en",
    },
    {
        "title": "Twelve Lawsuits and a Laptop",
        "subtitle": (
            "Sanja Vujić runs a three-person news site in Banja Luka that writes about how the city spends its "
            "money. Her reward so far has been a drawer full of court summonses."
        ),
        "summary": (
            "A local journalist in Banja Luka has been sued twelve times over stories about public contracts. "
            "She has not lost a case yet, but each one costs her months, money and a little more courage."
        ),
        "body": (
            "<p>Sanja Vujić keeps the lawsuits in a blue folder that no longer closes. There are twelve of "
            "them, filed over six years, and she can recite the details of each from memory: who sued, for "
            "how much, over which sentence. “It is like knowing all your ex-boyfriends' birthdays,” she says. "
            "“You don't want to, but you do.”</p>"
            "<p>Sanja is forty-one. She spent a decade at larger outlets before starting a small news site "
            "with two former colleagues. They write about the things bigger newsrooms skip: who won the "
            "contract to clear snow, why one road was resurfaced twice in two years while another has no "
            "pavement, which companies appear again and again in municipal tenders.</p>"
            "<h2>How a lawsuit works on you</h2>"
            "<p>Most of the suits are for damage to reputation, brought by businessmen or local officials "
            "named in her stories. So far, she says, none has ended with a judgment against her. But that is "
            "not really the point.</p>"
            "<ul>"
            "<li>Each case means months of hearings, usually scheduled at short notice.</li>"
            "<li>Each requires a lawyer, whose fees she pays until the case is over, if she gets them back at "
            "all.</li>"
            "<li>Each comes with a demand for a sum of money larger than the site earns in a year.</li>"
            "</ul>"
            "<p>“They don't need to win,” she says. “They need me to spend my time in court instead of "
            "writing. And they need every other journalist in this city to see the folder and think twice.”</p>"
            "<blockquote>“The hardest censorship is the one you do yourself, at one in the morning, deleting "
            "a sentence you know is true because you cannot afford to defend it.”</blockquote>"
            "<h2>The new fear</h2>"
            "<p>When the law changed in the entity so that defamation could once again be treated as a "
            "criminal matter rather than only a civil one, Sanja noticed the change in herself before anywhere "
            "else. Sources who used to talk on the record asked to be anonymous. Her mother asked whether she "
            "could go to prison. Sanja told her no, and then went to check.</p>"
            "<p>She has also had her share of the other kind of pressure: comments calling her a traitor, "
            "a car that followed her home one evening, an anonymous message with her daughter's school name "
            "in it. She reported the message to the police. She has not heard back.</p>"
            "<p>Asked why she continues, she shrugs and opens the laptop, which has a sticker on the lid "
            "from a journalism conference in Belgrade. “Because the snow still has to be cleared,” she says, "
            "“and someone still gets paid for it. People have the right to know who.”</p>"
        ),
        "storyteller": "Sanja Vujić",
        "anonymous": False,
        "location": "Banja Luka",
        "countries": ["Bosnia and Herzegovina"],
        "themes": ["Freedoms", "Corruption"],
        "keywords": ["journalism", "courts", "public money"],
        "contributors": ["Jelena Đukić"],
        "content_warning": "",
        "image_alt": (
            "An illustration of a riverside city at night, with a bridge over the Vrbas and a single lit window "
            "in an apartment block."
        ),
        "image_caption": "Banja Luka at night, when most of the site's stories are written.",
        "days_ago": 96,
        "featured": False,
        "language": "en",
    },
    # --- Kosovo --------------------------------------------------------------------------------
    {
        "title": "Сви су отишли, а ја чувам кључеве",
        "subtitle": (
            "Пензионисани учитељ из Грачанице залива туђе баште, проветрава туђе собе и чека лето, када му "
            "деца и унуци дођу из Краљева и Београда."
        ),
        "summary": (
            "Радомир Стојковић има седамдесет четири године и кључеве од шест комшијских кућа. Комшије су "
            "отишле у Србију и даље, а он је остао да чува оно што су оставили."
        ),
        "body": (
            "<p>На клину поред врата Радомир Стојковић држи шест свежњева кључева. На сваком је цедуљица "
            "исписана учитељским рукописом: „Милићи”, „Ђокићи, горња кућа”, „Стана, само подрум”. „Ово ми је "
            "посао у пензији”, каже и смеје се. „Домар целог краја. Без плате, али са много одговорности.”</p>"
            "<p>Радомир има седамдесет четири године. Цео радни век провео је као учитељ у основној школи у "
            "Грачаници, недалеко од манастира чија се звона чују до његовог дворишта. Кад је почињао, у "
            "одељењу је имао тридесет двоје деце. Кад је одлазио у пензију, било их је деветоро.</p>"
            "<h2>Од куће до куће</h2>"
            "<p>После рата 1999. године људи из краја почели су да одлазе, прво полако, а онда све брже. Неки "
            "због страха, неки због посла, а највише, каже он, због деце. „Нико није отишао зато што је хтео. "
            "Свако је отишао зато што је мислио да мора.” Његов син живи у Краљеву, ћерка у Београду. Обоје "
            "су га годинама звали да дође код њих.</p>"
            "<p>Он није хтео. Уместо тога, преузео је бригу о кућама комшија. Сваке недеље обиђе их редом: "
            "отвори прозоре, провери да ли прокишњава кров, залије цвеће које су оставили „само на неколико "
            "месеци”, пре петнаест година.</p>"
            "<blockquote>„Куће су као људи. Ако нико не уђе у њих, почну да се распадају изнутра.”</blockquote>"
            "<h2>Лето</h2>"
            "<p>Сваког лета долазе унуци. Тада Радомирова кућа постаје бучна, а он поново постаје учитељ: "
            "учи их да препознају траве, да пеку паприке на шпорету и да напишу честитку ћирилицом без "
            "иједне грешке. Најмлађа унука, Теодора, сваке године пита исто: зашто деда не живи у Краљеву, где "
            "има и базен и биоскоп. „Рекао сам јој да неко мора да чува кључеве”, каже он. „Она мисли да је то "
            "из неке бајке.”</p>"
            "<p>Живот овде није лак. Пензија стиже, али цене расту, а свака нова промена у папирима, "
            "таблицама или начину плаћања значи нове редове и нова објашњења. Радомир о томе говори сувим "
            "гласом, без љутње. Више га брине што се млади не враћају. „Кад смо ми били млади, питали смо се "
            "где ћемо да радимо. Данас се млади питају у којој ће држави да живе. То је велика разлика.”</p>"
            "<h2>Комшија са пијаце</h2>"
            "<p>Једну ствар издваја као доказ да живот није стао. Сваког пролећа на пијаци купује расад "
            "парадајза од једног Албанца из оближњег села, човека својих година. Разговарају мешавином два "
            "језика и много руку. Пре неколико година, кад се Радомир разболео, тај човек му је расад донео до "
            "капије. „Нисмо пријатељи у оном великом смислу”, каже пажљиво. „Али знамо како се зову деца "
            "један другоме. Овде то није мало.”</p>"
            "<p>Питамо га колико још мисли да остане. Радомир гледа у клин са кључевима. „Док год постоји неко "
            "ко би једног дана могао да се врати”, каже. „А ако се нико не врати, бар ћу знати да сам чекао "
            "како треба.”</p>"
        ),
        "storyteller": "Радомир Стојковић",
        "anonymous": False,
        "location": "Грачаница",
        "countries": ["Kosovo", "Serbia"],
        "themes": ["Post-war", "Lack of opportunities"],
        "keywords": ["emigration", "return", "family"],
        "contributors": ["Jelena Đukić", "Arbër Gashi"],
        "content_warning": "",
        "image_alt": (
            "Илустрација мирног села у равници у сумрак, са манастирском црквом у даљини и кућама затворених "
            "капака у првом плану."
        ),
        "image_caption": "Грачаница, крај у коме Радомир чува кључеве својих комшија.",
        "days_ago": 117,
        "featured": False,
        "language": "sr",
    },
    {
        "title": "The Passport That Finally Went Somewhere",
        "subtitle": (
            "For most of her life, travel meant queues outside consulates and a folder of bank statements. "
            "Then the rules changed, and Erëza Hoti booked a flight she could not quite believe in."
        ),
        "summary": (
            "Erëza grew up in Prizren as the only one in her regional youth group who could never make the "
            "meetings abroad. When Kosovo citizens gained visa-free travel to the Schengen area, she went to "
            "Berlin, and came back."
        ),
        "body": (
            "<p>Erëza Hoti has a folder she calls “the archive of humiliation”. It holds a bank statement "
            "belonging to her uncle, a letter from her faculty confirming that she is a student, a hotel "
            "booking she had to cancel, a travel insurance policy and a one-page refusal from a consulate, "
            "which she has had laminated. “It is the most expensive piece of paper I own,” she says. “I wanted "
            "it to last.”</p>"
            "<p>She is twenty-three, studies architecture in Pristina and grew up in Prizren, a short walk "
            "from the Stone Bridge. For most of her life, her friends in Skopje, Tirana and Belgrade could "
            "travel to the European Union with nothing but a passport. Citizens of Kosovo could not.</p>"
            "<h2>The empty chair</h2>"
            "<p>At seventeen she joined a regional youth programme that brought together secondary-school "
            "students from across the Western Balkans. The first meeting was in Prizren, and she was the "
            "host, showing everyone the fortress and the best place for qebapa. The second meeting was in "
            "Austria; her visa did not arrive in time. The third was in Italy, and this time her application "
            "was refused.</p>"
            "<p>“They sent me photos,” she says. “There was a chair with my name card on it. They meant it "
            "kindly. I cried for two days.”</p>"
            "<blockquote>“I did not want to leave Kosovo. I wanted to be allowed to leave it. People think "
            "that is the same thing. It is the opposite.”</blockquote>"
            "<h2>The stamp</h2>"
            "<p>When visa-free travel to the Schengen area began for Kosovo citizens at the start of 2024, "
            "Erëza did not trust it. She read the rules three times, then asked a cousin who is a lawyer to "
            "read them too. Then she bought the cheapest ticket she could find: Pristina to Berlin, in "
            "February, in the rain.</p>"
            "<p>At passport control the officer looked at her passport, looked at her, stamped a page and "
            "said “next”. That was all. She walked ten metres, sat down on her suitcase and cried, while a "
            "family from Peja who had been on the same flight stood around her and offered her chocolate.</p>"
            "<h2>What she brought back</h2>"
            "<p>She spent five days walking around Berlin, mostly looking at buildings. She photographed "
            "staircases, courtyards and bicycle racks with the seriousness of a future architect, ate badly "
            "and slept in a hostel dormitory with seven strangers. On the last evening she bought a postcard "
            "and wrote it to herself, at her parents' address in Prizren.</p>"
            "<p>The new freedom has not solved everything, she says. Jobs for young architects in Kosovo are "
            "still scarce, and some of her friends have used the change to leave for good. She understands "
            "them. For her, it worked the other way round. “Now that I know I can go, I can actually choose to "
            "stay,” she says. “Before, staying was not a choice. It was a sentence.”</p>"
            "<p>The postcard arrived a week after she did. It is pinned above her desk, next to the laminated "
            "refusal.</p>"
        ),
        "storyteller": "Erëza Hoti",
        "anonymous": False,
        "location": "Prizren",
        "countries": ["Kosovo"],
        "themes": ["Freedoms", "Lack of opportunities"],
        "keywords": ["youth", "travel", "visas"],
        "contributors": ["Arbër Gashi"],
        "content_warning": "",
        "image_alt": (
            "An illustration of an old stone bridge over a shallow river at sunset, with minarets, church "
            "towers and a hilltop fortress behind it."
        ),
        "image_caption": "Prizren's old town, a short walk from Erëza's family home.",
        "days_ago": 310,
        "featured": False,
        "language": "en",
    },
    {
        "title": "Shqipe Still Keeps Agron's Room in Gjakovë",
        "subtitle": (
            "Her brother was nineteen when armed men took him away in the spring of 1999. She has been "
            "searching for him ever since, and has found an unexpected companion in the search."
        ),
        "summary": (
            "Shqipe's brother disappeared during the war in Kosovo, and her mother died without learning what "
            "happened to him. Shqipe keeps asking, and now sits beside a Serbian mother who is searching too."
        ),
        "body": (
            "<p>The room at the top of the stairs in the Rexhepi house in Gjakovë has barely changed since "
            "1999. There is a single bed with a brown blanket, a poster of a football team, a cassette player "
            "and a shelf of textbooks. Agron was nineteen. He was training to become a mechanic.</p>"
            "<p>“My mother cleaned this room every Friday for twenty years,” says his sister Shqipe, who is "
            "now fifty. “She dusted the cassette player. After she died, I kept doing it. I don't know why. "
            "Maybe so that if he walks in, he recognises it.”</p>"
            "<h2>Spring 1999</h2>"
            "<p>Shqipe does not describe that day in detail, and we did not ask her to. The family was leaving "
            "town with many others when armed men stopped the column and took away a group of young men, "
            "Agron among them. The women and children were ordered to keep walking. It was the last time she "
            "saw him.</p>"
            "<p>After the war, the family came back to a house that had been looted but was still standing, "
            "and they waited. Whenever a list of identified remains was published, her mother read it from "
            "top to bottom, and then from the bottom up, in case she had missed something.</p>"
            "<blockquote>“A grave is a terrible thing. But having no grave is worse. You cannot mourn a "
            "question.”</blockquote>"
            "<h2>Years of paperwork</h2>"
            "<p>Shqipe has given blood samples for DNA comparison, filled in forms for several commissions and "
            "repeated her story to investigators from more than one country. She has sat in meetings where "
            "officials promised that files would be opened and sites examined. Some were. Many were not.</p>"
            "<p>What she asks for is specific: access to the archives that could show where people were "
            "taken, and prosecution of those who know. “Someone gave the order. Someone drove the trucks. "
            "Someone dug,” she says. “Those people are alive. Some of them are grandfathers now. They know "
            "where my brother is.”</p>"
            "<h2>The woman from Kruševac</h2>"
            "<p>A few years ago, at a regional meeting of families of the missing, Shqipe was seated next to a "
            "Serbian woman from Kruševac whose son had gone missing in Kosovo the same year. They spoke in "
            "Serbian, which Shqipe had learned at school and had not used for decades. By the end of the day "
            "they had exchanged photographs.</p>"
            "<p>“She showed me her son and I showed her Agron. Two boys with the same haircut,” Shqipe says. "
            "“I did not forgive anybody that day, and neither did she. But I understood that her kitchen is "
            "like mine.” They still send each other a message on the anniversaries.</p>"
            "<p>Families of people missing from the wars of the 1990s are still searching across the region, "
            "with the help of organisations such as the "
            '<a href="https://www.icmp.int">International Commission on Missing Persons</a>. '
            "Shqipe says she will keep going to the meetings for as long as she can walk. “And when I can't,” "
            "she says, “my daughter knows where the cassette player is.”</p>"
        ),
        "storyteller": "Shqipe Rexhepi",
        "anonymous": False,
        "location": "Gjakovë",
        "countries": ["Kosovo"],
        "themes": ["Post-war", "Rule of law"],
        "keywords": ["missing persons", "justice", "family"],
        "contributors": ["Arbër Gashi", "Teuta Morina"],
        "content_warning": (
            "This story describes the wartime disappearance of a family member and the long search for him."
        ),
        "image_alt": (
            "An illustration of a quiet street of old houses with wooden balconies in late afternoon light, "
            "with one upstairs window left open."
        ),
        "image_caption": "The old bazaar quarter of Gjakovë.",
        "days_ago": 204,
        "featured": False,
        "language": "en",
    },
    {
        "title": "The Seventh Postponement",
        "subtitle": (
            "She left a violent marriage with two children and a plastic bag of documents. The hardest part, "
            "she says, came afterwards, in corridors and waiting rooms."
        ),
        "summary": (
            "A mother in Ferizaj describes leaving an abusive husband, a protection order he ignored and a "
            "court case postponed again and again. She also describes the people who did help."
        ),
        "body": (
            "<p><em>This story is published without the storyteller's name, at her request. We have changed "
            "details that could identify her or her children.</em></p>"
            "<p>She keeps the letters from the court in a kitchen drawer, under the tea towels, so that her "
            "children won't see them. There are seven now. Each says the hearing has been postponed: a judge "
            "was ill, a lawyer did not appear, a document was missing, her former husband was “unavailable”. "
            "She reads each one standing up, puts it under the towels and starts making dinner.</p>"
            "<h2>Twelve years</h2>"
            "<p>She married at twenty, in a village near Ferizaj, and moved into her husband's family house. "
            "The control began slowly: who she phoned, what she wore, whether she could visit her own mother. "
            "The first time he hit her, she was pregnant with their second child. She told nobody. “In my "
            "head, it was shame,” she says. “Not his shame. Mine.”</p>"
            "<p>It took her twelve years to leave. When she did, it was with both children, a plastic bag of "
            "documents and the clothes they had on, in a neighbour's car, at six in the morning.</p>"
            "<blockquote>“Everybody asks why I stayed so long. Nobody asks why it was so hard to go.”</blockquote>"
            "<h2>What went wrong</h2>"
            "<p>The first time she called the police, years earlier, the officers spoke to her husband in the "
            "yard and left. One of them advised her not to provoke him. After she left, a court issued a "
            "protection order. Her husband broke it within a month, turning up outside the children's school. "
            "She reported it. The report, she says, “went into a drawer, like my letters”.</p>"
            "<h2>Who helped</h2>"
            "<p>She insists on mentioning, without names, the people who did their jobs well:</p>"
            "<ul>"
            "<li>the neighbour who drove the car and never asked a single question;</li>"
            "<li>a social worker at a shelter, who sat with her through the first night and found school "
            "places for her children within a week;</li>"
            "<li>a young policewoman who took her second report seriously, typed it carefully and phoned the "
            "next day to check that she was safe;</li>"
            "<li>her mother, who had once told her to be patient with her husband, and later told her she had "
            "been wrong.</li>"
            "</ul>"
            "<p>Today she rents a small flat in Ferizaj and works shifts at a supermarket. Her son is in "
            "secondary school and wants to join the police. “I told him: be like the woman who phoned back,” "
            "she says.</p>"
            "<p>She does not expect much from the eighth hearing date, whenever it comes, but she intends to "
            "be there. “They postpone, I come. They postpone, I come,” she says. “I spent twelve years being "
            "patient in the wrong place. I can be patient in the right one.”</p>"
        ),
        "storyteller": "Drita Aliu",
        "anonymous": True,
        "location": "Ferizaj",
        "countries": ["Kosovo"],
        "themes": ["Crime", "Rule of law"],
        "keywords": ["women", "justice", "family"],
        "contributors": ["Teuta Morina"],
        "content_warning": "This story describes domestic violence, including threats and physical abuse.",
        "image_alt": (
            "An illustration of a row of apartment blocks at dawn, with a single lit kitchen window and a "
            "bare tree in the courtyard."
        ),
        "image_caption": "Ferizaj at dawn. Details that could identify the storyteller have been changed.",
        "days_ago": 52,
        "featured": False,
        "language": "en",
    },
    # --- Montenegro ----------------------------------------------------------------------------
    {
        "title": "In Pljevlja, Winter Has a Smell",
        "subtitle": (
            "A children's nurse spends her days treating coughs caused by the air, and her evenings feeding "
            "the same coal into her own stove. She knows exactly how that sounds."
        ),
        "summary": (
            "Snežana Bojović has nursed the children of Pljevlja for almost thirty years. Every winter the smog "
            "fills her waiting room, and every evening she heats her flat with the cheapest fuel there is."
        ),
        "body": (
            "<p>Ask people in Pljevlja what winter smells like and they will not say snow. They will say coal. "
            "“It gets into your coat, your hair, the curtains,” says Snežana Bojović. “When my sister comes "
            "from Podgorica for New Year, she says she can smell it at the edge of town. I can't any more. That "
            "frightens me a little.”</p>"
            "<p>Snežana is fifty-three and has been a nurse at the children's department of the local health "
            "centre for almost thirty years. Between November and March, she says, the waiting room changes: "
            "more coughing, more inhalers, more parents asking her the same question she asks herself.</p>"
            "<h2>A town in a bowl</h2>"
            "<p>Pljevlja lies in a valley ringed by hills, which is lovely in summer and a trap in winter. On "
            "still, cold days a layer of warmer air settles over the town like a lid, and the smoke has nowhere "
            "to go. The coal mine and the power plant are part of the picture, she says, but so are thousands "
            "of household stoves, hers included.</p>"
            "<blockquote>“I complain about the air all day at work, and then I go home and put coal in the "
            "stove. I know. Everybody knows. What else am I supposed to put in it?”</blockquote>"
            "<h2>The cheapest warmth</h2>"
            "<p>Coal is local, and for many families it is the only heating they can afford. Firewood has "
            "become more expensive, and electric heating on a nurse's salary is, she laughs, “a joke for "
            "tourists”. The poorest households burn whatever they have, old shoes, plastic, painted boards from "
            "a demolished shed, and on those evenings she can tell which streets they live on.</p>"
            "<p>For years there has been talk of a district heating network that would bring cleaner heat into "
            "homes, and of help for families who want to replace their coal stoves. Snežana has heard the "
            "announcements. She is waiting for the pipes.</p>"
            "<h2>The sensor on the balcony</h2>"
            "<p>Her small act of hope is a plastic box the size of a sandwich, fixed to her balcony railing. A "
            "teacher at the local secondary school started a project in which students built inexpensive "
            "air-quality sensors, installed them around town and published the readings online. Snežana "
            "offered her balcony. Now, before she opens a window in the morning, she checks her phone.</p>"
            "<p>“The numbers don't change the air,” she says. “But they change the conversation. Before, when "
            "I said the air was bad, people said: you're a nurse, you exaggerate. Now I show them the graph.”</p>"
            "<p>She does not want to leave. Her parents are buried here, and she loves the town in summer, "
            "when the hills are green and the air is, as she puts it, “just air”. But she has told her son, "
            "who studies in Belgrade, to skip the winter holidays at home. “Come in May,” she told him. “In "
            "May, Pljevlja is the most beautiful place in the world.”</p>"
        ),
        "storyteller": "Snežana Bojović",
        "anonymous": False,
        "location": "Pljevlja",
        "countries": ["Montenegro"],
        "themes": ["Environment", "Poverty"],
        "keywords": ["air pollution", "coal", "health"],
        "contributors": ["Jelena Đukić", "Vuk Radonjić"],
        "content_warning": "",
        "image_alt": (
            "An illustration of a small town in a snowy valley, with smoke rising from many chimneys and "
            "gathering in a grey layer below the surrounding hilltops."
        ),
        "image_caption": "Pljevlja on a still winter morning.",
        "days_ago": 160,
        "featured": False,
        "language": "en",
    },
    {
        "title": "Nikšić Steel and the Shares That Turned to Dust",
        "subtitle": (
            "Radovan Đurović spent twenty-eight years at the steelworks and was told he was one of its owners. "
            "Today his share certificate hangs in the hallway, next to his wedding photograph."
        ),
        "summary": (
            "A former steelworker from Nikšić lived through privatisation, a parade of owners and the loss of "
            "his job. Now he drives a taxi, keeps bees and asks why nobody was ever held to account."
        ),
        "body": (
            "<p>Radovan Đurović keeps his share certificate in a frame in the hallway, between his wedding "
            "photograph and a picture of his son in a football kit. It is printed on the heavy paper that used "
            "to mean something, and it says that he owned a small piece of the steelworks in Nikšić. “It is the "
            "only thing I own that everyone agrees is worthless,” he says. “So I made it decorative.”</p>"
            "<p>He is fifty-nine. He started at the steelworks at nineteen, straight out of technical school, "
            "and spent twenty-eight years there, most of them at the rolling mill. He met his wife at a works "
            "dance. His father had worked there before him.</p>"
            "<h2>Every owner had a speech</h2>"
            "<p>In the years after privatisation, Radovan lived through a string of owners, managers and "
            "rescue plans. He mixes them up now. What he remembers is the pattern:</p>"
            "<ol>"
            "<li>a new owner arrives and promises investment, new furnaces and secure jobs;</li>"
            "<li>wages start arriving late, then very late;</li>"
            "<li>workers protest, sometimes blocking the road, and politicians visit to make statements;</li>"
            "<li>the debts grow, and somehow the workers are the ones left holding them;</li>"
            "<li>another owner arrives.</li>"
            "</ol>"
            "<p>“Every owner came with a speech,” he says. “I think they shared a speechwriter. Only the accent "
            "changed.”</p>"
            "<blockquote>“They told us we were owners. Owners of what? We never saw a single contract. We only "
            "saw the gate close.”</blockquote>"
            "<h2>Questions without answers</h2>"
            "<p>Radovan does not claim to know where the money went, and he is careful to say so. But he and "
            "his former colleagues have questions that, in their view, nobody has properly answered: why the "
            "plant was sold the way it was, who approved which loans, and why equipment was sold off cheaply "
            "while workers waited for their pay. “If I had taken a bag of screws home, I would have been fired "
            "and taken to court,” he says. “Somebody took the whole factory home, piece by piece, and nobody "
            "went to court.”</p>"
            "<h2>After the gate</h2>"
            "<p>He lost his job in one of the later rounds of redundancies, too young for a pension and, "
            "according to every employer he approached, too old for anything else. He drives a taxi in Nikšić "
            "now, mostly at night, and helps his son with a small apiary on the slopes outside town.</p>"
            "<p>The bees, he says, have taught him something about the steelworks. “In a hive, everybody works "
            "and everybody knows where the honey is. If one bee starts keeping it for herself, the others throw "
            "her out.” He laughs. “Maybe we should have put the bees in charge.”</p>"
        ),
        "storyteller": "Radovan Đurović",
        "anonymous": False,
        "location": "Nikšić",
        "countries": ["Montenegro"],
        "themes": ["Unemployment", "Corruption"],
        "keywords": ["workers' rights", "privatisation", "steel"],
        "contributors": ["Jelena Đukić"],
        "content_warning": "",
        "image_alt": (
            "An illustration of a quiet industrial site on the edge of a town at dusk, with a rusting gate, "
            "empty halls and mountains behind."
        ),
        "image_caption": "The edge of Nikšić, where the steelworks once employed thousands.",
        "days_ago": 288,
        "featured": False,
        "language": "en",
    },
    {
        "title": "Everyone in the Bay Knows Someone Who Said Yes",
        "subtitle": (
            "At nineteen, a young man from the Bay of Kotor was offered five hundred euros to drive a car. He "
            "said no. Two of his friends said yes."
        ),
        "summary": (
            "A yacht mechanic from the Bay of Kotor talks about growing up where criminal groups recruit in "
            "cafés, seasonal work ends in October, and the line between the two can be very thin."
        ),
        "body": (
            "<p><em>The storyteller agreed to talk on condition that we did not use his name or describe him "
            "in a way that could identify him.</em></p>"
            "<p>He was nineteen the first time someone offered him money to drive a car. Not to steal it, not "
            "to do anything with it: just to drive it from a car park in one town to a car park in another, "
            "leave the keys on a tyre and take the bus home. Five hundred euros. “That was more than my mother "
            "earned in a month,” he says. “For three hours of driving. I was nineteen. I did the maths very "
            "quickly.”</p>"
            "<p>He said no, and he is still not entirely sure why. Partly because of his mother, partly "
            "because of a teacher at the maritime school who had told him more than once that he was good with "
            "engines and could find work on yachts. And partly, he admits, because he was scared.</p>"
            "<h2>The friends who said yes</h2>"
            "<p>Two of his closest school friends accepted similar offers. One is serving a long sentence in "
            "another European country, after being caught with a cargo that was not his but is now very much "
            "his problem. The other lives abroad in circumstances nobody talks about and has not answered a "
            "message in three years.</p>"
            "<p>“People think this is about bad boys,” he says. “It isn't. It's about ordinary boys in a place "
            "where there is work five months a year, and a café full of men with expensive watches who never "
            "seem to work at all.”</p>"
            "<blockquote>“Everyone in the bay knows someone who said yes. Nobody knows anyone who got rich and "
            "stayed free.”</blockquote>"
            "<h2>The season and the silence</h2>"
            "<p>Today he is twenty-nine and works as an assistant engineer on yachts that moor in the bay in "
            "summer and sail south for the winter. When the season ends, he does repair work where he can find "
            "it, and some winters there is none. He knows how thin the line is: a slow winter, a debt, a sick "
            "parent. That, he says, is usually when the offers come back.</p>"
            "<p>What angers him most is the silence. The feuds between rival groups from the bay have made "
            "headlines far beyond Montenegro. Arrests happen and trials begin, and then, he says, the news moves "
            "on while people at home keep seeing the same faces in the same cafés. That is why he will not give "
            "his name.</p>"
            "<p>“I'm not a hero,” he says. “I just want the boys who are nineteen now to get a better offer "
            "than the one I got. A real one. With a contract.”</p>"
            "<p>On his days off, he teaches his teenage nephew how to service an outboard engine. “He's bored,” "
            "he says, and smiles. “Good. Bored is safe. I want him bored in my garage, not excited in somebody "
            "else's car.”</p>"
        ),
        "storyteller": "Luka Vučinić",
        "anonymous": True,
        "location": "Kotor",
        "countries": ["Montenegro"],
        "themes": ["Crime", "Lack of opportunities"],
        "keywords": ["youth", "organised crime", "seasonal work"],
        "contributors": ["Jelena Đukić"],
        "content_warning": "",
        "image_alt": (
            "An illustration of a deep blue bay surrounded by steep mountains at twilight, with the lights of "
            "a small harbour town and a few yachts at anchor."
        ),
        "image_caption": "The Bay of Kotor out of season.",
        "days_ago": 37,
        "featured": False,
        "language": "en",
    },
    {
        "title": "Six Months by the Sea, Six Months Waiting",
        "subtitle": (
            "Every May, Amina Kajević takes the bus from Bijelo Polje down to the coast with a suitcase of "
            "white shirts. Every October she takes it back, and becomes a statistic again."
        ),
        "summary": (
            "An economics graduate from northern Montenegro has worked seven summers as a waitress in Budva "
            "and spent seven winters unemployed at home. This year she is trying to break the cycle."
        ),
        "body": (
            "<p>Amina Kajević measures her year in bus journeys. In May she takes the bus from Bijelo Polje to "
            "Budva, down past Kolašin and through the Morača canyon, with a suitcase of black trousers and "
            "white shirts. In October she takes it back up, with the same suitcase, a little more money and, "
            "she says, “expert knowledge of how every nation in Europe likes its coffee”.</p>"
            "<p>She is twenty-seven and has a degree in economics from the University of Montenegro. She has "
            "worked seven summer seasons as a waitress on the coast. In between, she is registered as "
            "unemployed in Bijelo Polje.</p>"
            "<h2>The summer version</h2>"
            "<p>In summer, she is a different person. She works twelve-hour shifts in a restaurant on the "
            "promenade, six or seven days a week, and shares a room above the kitchen with two other young "
            "women from the north. She speaks four languages badly and one well. She can carry five plates. "
            "In a good month she earns more than her father used to earn in three. “It isn't glamorous,” she "
            "says. “But it's money, and you can see the sea from the bins.”</p>"
            "<h2>The winter version</h2>"
            "<p>In winter, Bijelo Polje goes quiet. The Lim runs grey under the bridges, cafés close early and "
            "her friends' stories on social media come from Germany and Ireland. She applies for every job she "
            "can find: bank clerk, accountant's assistant, administrator at the municipality. For the public "
            "jobs, she says, everyone seems to know who will get them before the advert appears.</p>"
            "<blockquote>“On the coast I'm a worker. In the north I'm a statistic. Same person, same degree.”"
            "</blockquote>"
            "<p>She knows her calendar by heart:</p>"
            "<ul>"
            "<li>October: sleep, rest, visit her grandmother;</li>"
            "<li>November to February: apply for jobs, take an online course, wait;</li>"
            "<li>March: start phoning restaurant owners on the coast;</li>"
            "<li>April: “panic, and buy new white shirts”.</li>"
            "</ul>"
            "<h2>A plan with a river in it</h2>"
            "<p>This year something is different. With two friends, both seasonal workers, she has started "
            "turning her grandmother's house in a village above the Lim into a small guesthouse: rooms for "
            "hikers and cyclists, breakfasts made from what the village produces, kayak trips on the river. "
            "They have written a business plan, and for the first time Amina is using her degree on something "
            "she designed herself.</p>"
            "<p>They have applied for a small grant and are waiting for the answer. “If we get it, I'll spend "
            "the summer in the north and the tourists can take the bus to me,” she says. “If we don't, I'll see "
            "you in Budva. I'll be the one with five plates.”</p>"
        ),
        "storyteller": "Amina Kajević",
        "anonymous": False,
        "location": "Bijelo Polje",
        "countries": ["Montenegro"],
        "themes": ["Unemployment", "Lack of opportunities"],
        "keywords": ["seasonal work", "tourism", "youth"],
        "contributors": ["Jelena Đukić"],
        "content_warning": "",
        "image_alt": (
            "An illustration of a green river valley in the mountains in spring, with a village of red roofs "
            "and a road winding down towards the distant coast."
        ),
        "image_caption": "The Lim valley near Bijelo Polje, where Amina hopes to open a guesthouse.",
        "days_ago": 12,
        "featured": False,
        "language": "en",
    },
    # --- North Macedonia -----------------------------------------------------------------------
    {
        "title": "Веќе не садам домати",
        "subtitle": (
            "Ѓорѓи Стојановски дваесет години работел во топилницата во Велес. Фабриката одамна е затворена, "
            "но она што го оставила зад себе сè уште е во почвата во неговиот двор."
        ),
        "summary": (
            "Поранешен работник од топилницата во Велес сака на внуците да им остави двор во кој можат "
            "безбедно да си играат. Обеќувања, вели тој, имало многу, а чистење малку."
        ),
        "body": (
            "<p>Во дворот на Ѓорѓи Стојановски во Велес има лоза, клупа, стара смоква и една празна леа покрај "
            "оградата. „Тука порано садев домати”, вели тој. „Најубавите домати во маалото. Сега тука расте "
            "само трева, а и неа ја косам пред да дојдат внуците.”</p>"
            "<p>Ѓорѓи има шеесет и седум години. Дваесет години работел во топилницата за олово и цинк, чиј "
            "висок оџак сè уште се гледа од речиси секој дел на градот. Топилницата е затворена пред повеќе од "
            "дваесет години. Но, според него, фабриката никогаш целосно не си заминала.</p>"
            "<h2>Она што остана во земјата</h2>"
            "<p>Додека работел таму, вели, никој не зборувал многу за здравјето. Платата била сигурна, а "
            "чадот бил дел од секојдневието. „Жена ми простираше бели алишта, а ги собираше сиви”, се смее тој. "
            "„Мислевме дека тоа е цената за лебот на масата.”</p>"
            "<p>Подоцна, кога стручњаци земале примероци од почвата во неговиот крај, на жителите им рекле "
            "дека во земјата има тешки метали и дека е подобро да не одгледуваат зеленчук. Тогаш Ѓорѓи "
            "престанал да сади домати. Купот згура што остана од топилницата сè уште стои покрај градот, а "
            "секое лето ветерот ја крева прашината.</p>"
            "<blockquote>„Работев во таа фабрика за да ги нахранам децата. Сега се плашам од земјата на која "
            "си играат моите внуци.”</blockquote>"
            "<h2>Пензија и пазар</h2>"
            "<p>Денес Ѓорѓи живее од мала пензија. Порано градината му заштедуваше пари: речиси сè што јадеше "
            "во лето, го одгледуваше сам. Сега сè купува на пазар. „Кога ќе платам струја, лекови и "
            "зеленчук, ништо не ми останува”, вели тој. „Смешно е, нели? Имам двор, а купувам домати.”</p>"
            "<p>Минатата пролет тој и синот донесоа нова земја од едно село над градот и ја истурија во голем "
            "дрвен сандак. Таму сега растат магдонос и малку зелена салата. „Тоа е мојата мала држава”, вели. "
            "„Само таму знам што има во земјата.”</p>"
            "<h2>Што бара тој</h2>"
            "<p>Ѓорѓи не е политичар и не сака да биде. Тој бара неколку едноставни работи: згурата да се "
            "исчисти, почвата и воздухот редовно да се мерат, резултатите да бидат јавни и некој на луѓето "
            "јасно да им објасни како да се заштитат. „Не барам чудо. Барам некој да дојде и да ми каже: ова "
            "е опасно, ова не е. Толку.”</p>"
            "<p>Кога ќе дојдат, внуците знаат дека не смеат да копаат во празната леа. Најмалиот ја вика "
            "„градината на дедо што спие”. На Ѓорѓи тоа му се допаѓа. „Спие”, вели тој. „Не е мртва. Можеби "
            "еден ден ќе се разбуди, ако некој се потруди.”</p>"
        ),
        "storyteller": "Ѓорѓи Стојановски",
        "anonymous": False,
        "location": "Велес",
        "countries": ["North Macedonia"],
        "themes": ["Environment", "Poverty"],
        "keywords": ["soil", "health", "farming"],
        "contributors": ["Ана Стефановска"],
        "content_warning": "",
        "image_alt": (
            "Илустрација на град покрај река во самрак, со висок фабрички оџак на ридот и дворови со лози во "
            "преден план."
        ),
        "image_caption": "Велес на Вардар, под оџакот на старата топилница.",
        "days_ago": 219,
        "featured": False,
        "language": "mk",
    },
    {
        "title": "The Job Interview Began With a Party Card",
        "subtitle": (
            "Arta Ismaili has a law degree, a master's and three languages. What she lacks, she was told at "
            "the family dinner table, is someone to make a phone call for her."
        ),
        "summary": (
            "A young lawyer from Tetovo refused to join a political party to get a public job. Three years of "
            "applications later, she is opening her own practice, representing people in the same position."
        ),
        "body": (
            "<p>Arta Ismaili has passed the bar exam. She holds a law degree from a university in Tetovo, a "
            "master's from Skopje, speaks three languages and has two years of experience in a small law office "
            "where she earns, she says, “exactly enough to be embarrassed about it”. What she does not have is "
            "a party membership card, and in her experience that has mattered more than everything else on "
            "the list.</p>"
            "<h2>Advice at the dinner table</h2>"
            "<p>The first person to tell her to join a party was an uncle, at a family dinner soon after she "
            "graduated. He said it kindly, the way you might recommend a good dentist. “He told me: you're a "
            "clever girl, but clever is not enough. You need someone to call for you.” A neighbour said the "
            "same thing later, and then a professor, more quietly.</p>"
            "<p>She refused, partly on principle and partly, she admits, out of stubbornness. “I studied law "
            "for six years. I wanted to find out whether it works.”</p>"
            "<h2>What she found out</h2>"
            "<p>Over three years she applied for jobs in courts, ministries, municipal offices and public "
            "agencies, and kept every advert, application and result in a folder. She describes a pattern "
            "that friends in other towns recognise at once:</p>"
            "<ul>"
            "<li>the advert appears with a short deadline, sometimes over a holiday weekend;</li>"
            "<li>the written test goes well, and the interview is brief and polite;</li>"
            "<li>the job goes to someone who, everyone says afterwards, “was always going to get it”.</li>"
            "</ul>"
            "<p>Once, after an interview at a municipal office, she heard the name of the successful candidate "
            "from a relative days before the official result was published. The name was right.</p>"
            "<blockquote>“Albanians and Macedonians in this country disagree about almost everything. On party "
            "jobs, believe me, they have reached perfect consensus.”</blockquote>"
            "<h2>The friend with the card</h2>"
            "<p>Her closest friend from university did join a party. Within a year she had a job in the public "
            "administration, with a permanent contract, a regular salary and a bank willing to give her a "
            "mortgage. Arta does not judge her, and they are still close. “She has a child. She made a decision "
            "for her family. I don't have that excuse,” she says, and pauses. “Or maybe she was the brave one. "
            "I'm still thinking about it.”</p>"
            "<p>What bothers her most is not her own situation but what the system does to everyone else. “If "
            "jobs come from the party, then the people in those jobs work for the party, not for citizens,” she "
            "says. “So when you go to the municipality with a problem, the first question is not what the law "
            "says. It's who you know.”</p>"
            "<p>She has not given up. With a colleague, she is preparing to open a small practice focused on "
            "employment law. “If they won't hire me,” she says, “I'll represent all the other people they "
            "didn't hire. There will be no shortage of clients.”</p>"
        ),
        "storyteller": "Arta Ismaili",
        "anonymous": False,
        "location": "Tetovo",
        "countries": ["North Macedonia"],
        "themes": ["Corruption", "Unemployment"],
        "keywords": ["party jobs", "youth", "public sector"],
        "contributors": ["Ана Стефановска", "Teuta Morina"],
        "content_warning": "",
        "image_alt": (
            "An illustration of a town at the foot of snow-capped mountains on a clear morning, with a painted "
            "mosque, apartment blocks and a row of office buildings."
        ),
        "image_caption": "Tetovo, below the Šar Mountains.",
        "days_ago": 105,
        "featured": False,
        "language": "en",
    },
    {
        "title": "Шиеме за цела Европа",
        "subtitle": (
            "Verka Angelovska has spent twenty-five years on the sewing lines of Štip. The labels change every "
            "season. Her wages, she says, hardly do."
        ),
        "summary": (
            "A seamstress in Štip describes daily quotas, unpaid overtime before big orders and inspections "
            "everyone seems to know about in advance, and the daughter who left rather than follow her onto "
            "the line."
        ),
        "body": (
            "<p>The title of this story is what Verka Angelovska says when people ask what she does for a "
            "living: <em>шиеме за цела Европа</em>, “we sew for the whole of Europe”. She says it with a mix "
            "of pride and irony that takes a while to untangle. The pride is real. So is the irony.</p>"
            "<p>Verka is fifty-two and has worked in textile factories in Štip for twenty-five years. She has "
            "sewn jackets, trousers, school uniforms and, one memorable season, thousands of identical red "
            "dresses. The labels stitched into them carry the names of shops in Germany, Italy and the "
            "Netherlands. She has never set foot in any of them.</p>"
            "<h2>A day on the line</h2>"
            "<p>Her shift starts at seven. Each woman on the line does one operation, a collar, a sleeve, a "
            "side seam, and each has a daily quota. Miss the quota and the difference shows up in the pay. In "
            "the weeks before a big order ships, she says, the line stays late and comes in on Saturdays, and "
            "the extra hours do not always make it onto the payslip.</p>"
            "<p>“When the order is late, we are all one family,” she says. “When the pay is late, suddenly we "
            "are employees.”</p>"
            "<blockquote>“I have sewn enough coats to dress a whole city. I have never been able to afford one "
            "of them.”</blockquote>"
            "<h2>The inspector who calls ahead</h2>"
            "<p>Verka knows the law. She has read the labour code and knows what it says about overtime, "
            "breaks and heating in winter. What angers her is how rarely it reaches the factory floor. "
            "Inspections do happen, she says, but the management often seems to know in advance: the floor is "
            "swept, the fire exit is cleared and everyone is reminded that everything is fine.</p>"
            "<p>“Nobody says anything, because everybody needs the job,” she says. “The inspector sees happy "
            "women. We see the inspector leave.”</p>"
            "<p>A few years ago, she and a dozen colleagues joined a union and pushed for payslips that listed "
            "every hour worked. It took months, and one of the women who spoke up loudest was not kept on when "
            "her contract ran out. But the payslips did change. “A small victory,” Verka says. “We wrote it "
            "down in a notebook so we would remember.”</p>"
            "<h2>The daughter who left</h2>"
            "<p>Her daughter, Elena, watched her mother come home with aching shoulders throughout her "
            "childhood and swore she would never work on a line. She trained as a nurse and now works in a "
            "hospital in Slovenia. She phones every Sunday and sends photographs of the Alps.</p>"
            "<p>Verka is glad and sad about it in equal measure. “I wanted her to have a better life, and she "
            "has one,” she says. “But Štip is full of mothers like me, sewing for Europe, while our daughters go "
            "to Europe to look after other people's mothers. Somebody should think about that.”</p>"
        ),
        "storyteller": "Верка Ангеловска",
        "anonymous": False,
        "location": "Štip",
        "countries": ["North Macedonia"],
        "themes": ["Poverty", "Rule of law"],
        "keywords": ["workers' rights", "women", "textiles"],
        "contributors": ["Ана Стефановска"],
        "content_warning": "",
        "image_alt": (
            "An illustration of a hillside town in eastern North Macedonia at dawn, with a river, low factory "
            "halls and a line of women walking towards a gate."
        ),
        "image_caption": "Štip, a centre of the country's textile industry.",
        "days_ago": 146,
        "featured": False,
        "language": "en",
    },
    {
        "title": "Holding Hands on Širok Sokak",
        "subtitle": (
            "Stefan came out to his family at twenty-three and decided not to move to Skopje or Berlin. "
            "Bitola, he says, will simply have to get used to him."
        ),
        "summary": (
            "A graphic designer from Bitola talks about coming out, insults on the main street and a police "
            "report that went nowhere, and explains why he has decided to stay in his hometown anyway."
        ),
        "body": (
            "<p>Širok Sokak, the long pedestrian street through the centre of Bitola, is where the whole town "
            "comes to be seen. On summer evenings it is busy from end to end: families with prams, teenagers "
            "in packs, old men arguing about football outside the cafés. Stefan Nikolovski has walked it "
            "thousands of times. He has held a boyfriend's hand on it exactly once.</p>"
            "<p>“It lasted about ninety seconds,” he says. “From the clock tower to the first café. I counted "
            "the looks. Then he let go, and I was relieved, and then I was angry that I was relieved.”</p>"
            "<h2>Coming out over peppers</h2>"
            "<p>Stefan is twenty-five and works as a graphic designer, mostly for clients abroad. He came out "
            "to his mother two years ago at the kitchen table, while she was peeling roasted peppers for ajvar. "
            "She kept peeling. After a long silence, she asked whether he was eating properly. “That was her "
            "way of saying she still loved me,” he says. “We speak in food here.”</p>"
            "<p>His father has still not mentioned it. He knows, Stefan says, and he is polite, and they watch "
            "basketball together. “It's not a happy ending. It's a truce. I'll take a truce.”</p>"
            "<blockquote>“I don't want to be brave. I want to be boring. I want to walk down the street and "
            "have nobody notice me at all.”</blockquote>"
            "<h2>The messages and the report</h2>"
            "<p>Outside the house it has been harder. He has been called names in the street, and once a group "
            "of young men followed him, shouting, until he ducked into a shop. After he shared a post about "
            "Pride in Skopje, his messages filled with threats, some of them precise about where he lived.</p>"
            "<p>He took screenshots to the police. The officer was polite, wrote down the details and, Stefan "
            "says, seemed unsure what to do next. He has never heard whether anyone was identified. “On paper, "
            "the law protects people like me,” he says. “But the paper has to leave the building.”</p>"
            "<h2>Why he stays</h2>"
            "<p>Many of his friends have moved to Skopje, where the community is small but visible, or further, "
            "to Berlin and Vienna. He thinks about it. He also thinks about teenagers in Bitola who are where he "
            "was at fifteen, convinced that they are the only one.</p>"
            "<p>“If everyone like me leaves, Bitola can keep saying there is nobody like me here,” he says. “So "
            "I stay. I do my work, I have coffee on Širok Sokak. Every year a few more people nod hello. That's "
            "my Pride. Slow, but it's moving.”</p>"
        ),
        "storyteller": "Стефан Николовски",
        "anonymous": False,
        "location": "Bitola",
        "countries": ["North Macedonia"],
        "themes": ["Freedoms", "Lack of opportunities"],
        "keywords": ["lgbti", "youth", "family"],
        "contributors": ["Ана Стефановска"],
        "content_warning": "",
        "image_alt": (
            "An illustration of a long pedestrian street at dusk, lined with old two-storey houses and café "
            "tables, with a stone clock tower at the far end."
        ),
        "image_caption": "Širok Sokak, Bitola's main street, on a summer evening.",
        "days_ago": 66,
        "featured": False,
        "language": "en",
    },
    # --- Serbia --------------------------------------------------------------------------------
    {
        "title": "Кад ветар дува од рудника, затварамо прозоре",
        "subtitle": (
            "Драгана Милојевић је рударска ћерка и фармацеуткиња у Бору. Не тражи да се рудник затвори, "
            "већ да неко коначно јасно каже шта је у ваздуху који њена деца удишу."
        ),
        "summary": (
            "У Бору се живи од рудника и поред рудника. Фармацеуткиња која је ту рођена зна колико граду "
            "значи посао, али жели да зна и шта доноси ветар."
        ),
        "body": (
            "<p>Драгана Милојевић има апликацију на телефону која јој свако јутро каже какав је ваздух у Бору. "
            "Али, каже, није јој потребна. „Кад осетим киселкаст укус у грлу, знам и без телефона”, каже. "
            "„Тада затварамо прозоре, а деца после школе не излазе напоље.”</p>"
            "<p>Драгана има четрдесет четири године и ради као фармацеуткиња у апотеци у центру града. Рођена "
            "је у Бору, као и њени родитељи. Отац јој је тридесет година радио у јами, а деда пре њега. У "
            "њиховој породици рудник никада није био само фабрика. Био је разлог зашто су уопште ту.</p>"
            "<h2>Године без посла</h2>"
            "<p>Када је Драгана била тинејџерка, крајем деведесетих, рудник је једва радио. Отац је месецима "
            "био на принудном одмору, плате су касниле, а мајка је шила комшиницама да би било хлеба. „Сећам "
            "се како тата по цео дан седи у кухињи и слуша радио”, прича. „Човек који је цео живот радио под "
            "земљом, а сада није имао шта да ради горе.”</p>"
            "<p>Зато разуме оне који кажу да је граду најважније да рудник ради. Последњих година у Бор је "
            "поново стигло много посла, нова окна и нови људи, а станови за изнајмљивање су поскупели. „Не "
            "кажем да је то лоше”, каже она. „Ја сам рударско дете. Знам шта значи кад нема посла.”</p>"
            "<blockquote>„Не тражим да се рудник затвори. Тражим да могу да дишем у граду у коме сам "
            "рођена.”</blockquote>"
            "<h2>Шта доноси ветар</h2>"
            "<p>У апотеци Драгана види оно што бројке не показују увек. У данима кад ветар дува из правца "
            "топионице долазе људи који кашљу, старији са астмом, мајке које питају шта да дају деци. Она не "
            "жели да поставља дијагнозе, нити да било кога оптужује без доказа. Али жели да мерења буду "
            "редовна, јавна и разумљива, и да неко објасни шта она значе за људе који ту живе.</p>"
            "<p>Са неколико суседа била је на јавним расправама о плановима за ширење копова. Постављала је "
            "питања о ваздуху, о води и о томе где ће завршити јаловина. На нека питања добила је одговор. На "
            "многа, каже, још чека.</p>"
            "<h2>Недеља на језеру</h2>"
            "<p>Недељом, кад је лепо време, Драгана води децу на Борско језеро, недалеко од града. Тамо је "
            "ваздух другачији, а деца трче кроз шуму. Старија ћерка, Јована, има шеснаест година и већ говори "
            "да после средње школе одлази у Београд или у иностранство.</p>"
            "<p>„Деда јој је копао бакар, ја продајем лекове, а она хоће да оде”, каже Драгана уз уморан "
            "осмех. „Можда је то прича целог Бора у три генерације. Волела бих да четврта буде другачија: да "
            "деца остану зато што то желе, а не да оду зато што хоће да дишу.”</p>"
        ),
        "storyteller": "Драгана Милојевић",
        "anonymous": False,
        "location": "Бор",
        "countries": ["Serbia"],
        "themes": ["Environment", "Unemployment"],
        "keywords": ["mining", "air pollution", "health"],
        "contributors": ["Jelena Đukić"],
        "content_warning": "",
        "image_alt": (
            "Илустрација рударског града у брдима под наранџастим небом, са великим површинским копом и "
            "високим димњаком у даљини."
        ),
        "image_caption": "Бор, град који живи од бакра.",
        "days_ago": 88,
        "featured": False,
        "language": "sr",
    },
    {
        "title": "Night Shifts in Niš, German Verbs on the Bus",
        "subtitle": (
            "After years of temporary contracts, nurse Marija Stanković has a German language certificate "
            "and a one-way ticket. She is still not sure she will be able to get on the bus."
        ),
        "summary": (
            "A nurse in Niš spent years on short contracts, learned German between night shifts and leaves "
            "for a hospital in Germany in three weeks. She talks about guilt, relief and the colleagues who "
            "went first."
        ),
        "body": (
            "<p>Marija Stanković's German vocabulary is written on index cards held together with a hair tie. "
            "She studies them on the city bus between home and the hospital, on night shifts when the ward is "
            "quiet and in the queue at the bakery. <em>Die Spritze</em>, the syringe. <em>Der Verband</em>, the "
            "bandage. <em>Die Überstunden</em>, overtime. “That one I learned first,” she says. “I'd had a lot "
            "of practice.”</p>"
            "<h2>Years of “temporary”</h2>"
            "<p>Marija is thirty-one and has been a nurse in Niš since she finished nursing school. Like many "
            "of her colleagues, she started by working for months without pay to gain experience, hoping it "
            "would lead to a job. Then came a series of temporary contracts, renewed every few months, "
            "sometimes with a gap of a week or two in which she was officially unemployed and waiting by the "
            "phone.</p>"
            "<p>“Every time a contract ended, I didn't know if I'd be back on Monday,” she says. “You can't "
            "rent a flat like that. You can't plan a child. You can only plan the next three months.”</p>"
            "<blockquote>“In Niš I'm ‘the girl on a contract’. The German hospital's letters call me a "
            "skilled professional. I had to read that sentence three times.”</blockquote>"
            "<h2>The class chat</h2>"
            "<p>Her class from nursing school still has a group chat. A good part of it now writes from "
            "Germany, Austria and Switzerland. The messages are a mixture of things she envies and things she "
            "fears: permanent contracts, language courses paid for by the employer, help finding a flat, but "
            "also loneliness, endless paperwork and complaints about bread that is “never really bread”.</p>"
            "<p>At her own hospital she has watched the gaps grow. When an experienced colleague leaves, the "
            "people who stay cover her shifts, get more tired and start looking at job adverts themselves. “It's "
            "like a wall where you take out one brick at a time,” she says. “Nobody notices until it leans.”</p>"
            "<h2>The guilt</h2>"
            "<p>The hardest part is not the grammar but the guilt. She thinks of her ward, already short of "
            "staff, and the elderly patients who ask for her by name. She thinks of her mother, who is sixty "
            "and lives alone in a flat not far from the fortress.</p>"
            "<p>“My mother said: go, you'll have a better life. Then she cried in the bathroom so that I "
            "wouldn't hear,” Marija says. “I heard.”</p>"
            "<h2>One way, for now</h2>"
            "<p>In three weeks she will take the bus to a hospital near Stuttgart, where a permanent contract "
            "is waiting. She has not sold anything. Her room at her mother's stays exactly as it is.</p>"
            "<p>“I'm not angry with Germany. Germany is just doing its maths,” she says. “I'm angry that my "
            "own country trained me for free and then did everything to make sure I'd leave. If one day there "
            "is a real job for me here, I'll come back. I'll even bring my index cards, for the next girl.”</p>"
        ),
        "storyteller": "Marija Stanković",
        "anonymous": False,
        "location": "Niš",
        "countries": ["Serbia"],
        "themes": ["Lack of opportunities", "Unemployment"],
        "keywords": ["emigration", "health", "youth"],
        "contributors": ["Jelena Đukić"],
        "content_warning": "",
        "image_alt": (
            "An illustration of a city at night seen from across a river, with an old fortress wall, a "
            "hospital building with lit windows and a bus crossing a bridge."
        ),
        "image_caption": "Niš by night, on the Nišava river.",
        "days_ago": 173,
        "featured": False,
        "language": "en",
    },
    {
        "title": "The Invoice That Was Paid Twice",
        "subtitle": (
            "An accountant at a public utility company noticed that the same repair had been paid for twice. "
            "Reporting it cost him his office, his colleagues and, for a long time, his sleep."
        ),
        "summary": (
            "A public-sector accountant in central Serbia reported payments for work that was never done. "
            "Five years on, his case is still in court, and he spends his days in an office without a "
            "computer."
        ),
        "body": (
            "<p><em>The storyteller asked not to be named while his court case is ongoing. We have changed "
            "details about his workplace.</em></p>"
            "<p>It was a Tuesday, he remembers, and raining. He was reconciling payments at the public utility "
            "company where he had been an accountant for eleven years when he noticed two invoices for the "
            "same repair: the same street, the same length of pipe, the same amount, three months apart, from "
            "two different contractors. Both had been paid.</p>"
            "<p>“At first I thought I had made a mistake,” he says. “Accountants always think it's their "
            "mistake. That's how we're trained.”</p>"
            "<h2>Pulling the thread</h2>"
            "<p>It was not his mistake. Over the following weeks, working late, he found more: repairs that "
            "were invoiced but, when he quietly drove past, had plainly never happened, and the same handful "
            "of companies winning small contracts worth just under the amount that would have required a "
            "public tender. He recorded everything in a spreadsheet and in a paper notebook, “in case the "
            "spreadsheet disappeared”.</p>"
            "<h2>What happened when he spoke</h2>"
            "<p>He reported it internally first, as he understood the rules required. A week later he was "
            "moved. Not dismissed: moved, to an office at the end of a corridor with a desk, a chair, a "
            "telephone and no computer. His new job description was vague enough that most days there was "
            "nothing to do. Then, in quick succession:</p>"
            "<ol>"
            "<li>colleagues who had shared coffee with him for a decade stopped dropping by;</li>"
            "<li>his bonus disappeared, and so did his overtime;</li>"
            "<li>an anonymous letter reached management claiming he was not mentally well.</li>"
            "</ol>"
            "<blockquote>“They didn't punish me for lying. They punished me for counting correctly.”</blockquote>"
            "<h2>The law on paper</h2>"
            "<p>Serbia has had a law protecting whistleblowers since the mid-2010s, and he has used it. With "
            "help from a lawyer at a civil society organisation, he sued for protection and for his old job "
            "back. The case has now lasted five years. Hearings are scheduled, postponed and scheduled again. "
            "Meanwhile, he says, the contracts keep coming.</p>"
            "<p>“The law is good,” he says. “I've read it so many times I can quote it. The problem is time. "
            "A law that protects you after seven years doesn't protect you. It just keeps a record of what "
            "happened to you.”</p>"
            "<h2>Why he would do it again</h2>"
            "<p>His wife, a teacher, has supported him from the first day. His teenage son once asked whether "
            "it had been worth it, and he took a long time to answer. “I told him: I don't know yet if it was "
            "worth it. But I know I couldn't look you in the eye if I hadn't.”</p>"
            "<p>He still arrives at the office without a computer at seven every morning, with a book. “They "
            "wanted me to get bored and leave,” he says. “I've read forty novels. I'm not bored. I'm "
            "educated.”</p>"
        ),
        "storyteller": "Nenad Pavlović",
        "anonymous": True,
        "location": "Kragujevac",
        "countries": ["Serbia"],
        "themes": ["Corruption", "Rule of law"],
        "keywords": ["whistleblowers", "public money", "courts"],
        "contributors": ["Jelena Đukić", "Teuta Morina"],
        "content_warning": "",
        "image_alt": (
            "An illustration of a long, empty office corridor in a municipal building, with tall windows and "
            "rain streaking the glass."
        ),
        "image_caption": "Details about the storyteller's workplace have been changed at his request.",
        "days_ago": 392,
        "featured": False,
        "language": "en",
    },
    {
        "title": "Cardboard at Five, School at Eight",
        "subtitle": (
            "Bajram Demirović collects cardboard and scrap in Vranje before dawn. By eight o'clock his "
            "children are at their desks, and he intends to keep it that way."
        ),
        "summary": (
            "A Roma father in Vranje earns a few euros a day from what others throw away. His daughter wants "
            "to be a pharmacist, and he is determined that nothing, including the prejudice she meets at "
            "school, will stop her."
        ),
        "body": (
            "<p>Bajram Demirović's alarm goes off at half past four. By five he is pushing a three-wheeled cart "
            "through the sleeping streets of Vranje, checking the bins behind shops and blocks of flats for "
            "cardboard, plastic bottles and, on a lucky day, a piece of scrap metal. By half past seven he is "
            "home, scrubbing his hands at the tap in the yard, because at eight he walks his youngest son to "
            "school.</p>"
            "<p>“Cardboard at five, school at eight,” he says. “That's the timetable. Everything else can "
            "change.”</p>"
            "<h2>Paid by the kilo</h2>"
            "<p>Bajram is thirty-eight and has been collecting what is officially called secondary raw "
            "material since he was a teenager. He sells what he gathers to a buyer, by the kilo. The price "
            "rises and falls with markets he has never seen; when it drops, he simply walks further. On a good "
            "day he earns enough for bread, milk, a little meat and the electricity bill. On a bad day, bread "
            "and milk.</p>"
            "<p>He lives with his wife, their three children and his mother in a small house in a Roma "
            "neighbourhood on the edge of town, where the street turns to mud whenever it rains. In winter the "
            "family heats one room and everyone does their homework, their sewing and their arguing in it.</p>"
            "<blockquote>“People look at my cart and think I am the rubbish. I'm the one cleaning it up.”"
            "</blockquote>"
            "<h2>Four years of school</h2>"
            "<p>Bajram went to school for four years. Then his father fell ill and he started working. He reads "
            "slowly and is ashamed of it, though he laughs when he says so. His wife finished primary school. "
            "On one thing they have always agreed: their children will go further.</p>"
            "<p>It has not been simple. Sabina, the eldest, is fourteen and in the seventh grade. She is the "
            "best in her class at chemistry and wants to be a pharmacist. She has also come home in tears "
            "because other children held their noses when she sat down, and once a parent asked the teacher "
            "whether “those children” could be moved to another class. The teacher refused, “a good woman”, "
            "Bajram says, and the school's Roma teaching assistant came to talk to the class. It helped, a "
            "little.</p>"
            "<h2>The pharmacy game</h2>"
            "<p>Every few evenings, father and daughter play a game. He reads out the name of a medicine from "
            "an empty box he found on his rounds, slowly, syllable by syllable, and she tells him what it is "
            "for. “She is always right,” he says proudly. “And I'm getting faster at reading.”</p>"
            "<p>He does not ask for much: a fair price from the buyers, a paved street before his grandchildren "
            "are born, and a school that judges his daughter by her chemistry marks rather than her surname. "
            "“When she opens her pharmacy,” he says, “I'll take away all her cardboard boxes. For free.”</p>"
        ),
        "storyteller": "Bajram Demirović",
        "anonymous": False,
        "location": "Vranje",
        "countries": ["Serbia"],
        "themes": ["Poverty", "Lack of opportunities"],
        "keywords": ["roma", "education", "recycling"],
        "contributors": ["Jelena Đukić"],
        "content_warning": "",
        "image_alt": (
            "An illustration of a hillside town in southern Serbia before sunrise, with a three-wheeled cart "
            "loaded with flattened cardboard standing at the bottom of a narrow street."
        ),
        "image_caption": "Vranje before dawn, when Bajram starts his rounds.",
        "days_ago": 124,
        "featured": False,
        "language": "en",
    },
]
