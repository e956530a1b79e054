"""Stories get a media key: the random name of their folder in the media storage. Added
empty here, filled by 0010 (which also moves the files), made unique by 0011."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("stories", "0008_consent_record_history")]

    operations = [
        migrations.AddField(
            model_name="story",
            name="media_key",
            field=models.CharField(editable=False, max_length=16, null=True),
        ),
    ]
