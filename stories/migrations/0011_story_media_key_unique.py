from django.db import migrations, models

import stories.media.names


class Migration(migrations.Migration):
    dependencies = [("stories", "0010_random_media_file_names")]

    operations = [
        migrations.AlterField(
            model_name="story",
            name="media_key",
            field=models.CharField(
                default=stories.media.names.new_media_key, editable=False, max_length=16, unique=True
            ),
        ),
    ]
