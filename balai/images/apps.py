from django.apps import AppConfig


class ImagesConfig(AppConfig):
    """Balai's image model: required alt text, EXIF stripped on upload, content-validated."""

    name = "balai.images"
    label = "images"
    verbose_name = "Gambar"
