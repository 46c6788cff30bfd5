"""The guide's MkDocs plugins, one concern each (named under `plugins:` in mkdocs.yml):

- `guide/checks` (checks.py): what authors write, every mistake shown in one run;
- `guide/assets` (assets.py): the joined stylesheet, Material's files, what each page's
  template needs;
- `guide/print` (printing.py): the printed booklet and the QR code files;
- `guide/languages` (language_builds.py): each language's words, 404 page and search index;
- `guide/translations` (translations.py): the translations whose English twin has changed since;
- and, not named in mkdocs.yml, `OfflinePlugin` (offline.py): the copy opened from a folder,
  which massage_guide/offline.py adds to the build (`make offline`).

The guide's Markdown extensions need none of them: they read the page they convert from their
host (host.py).
"""

from .assets import AssetsPlugin
from .checks import ChecksPlugin
from .language_builds import LanguagesPlugin
from .offline import OfflinePlugin
from .printing import PrintPlugin
from .translations import TranslationsPlugin

__all__ = ["AssetsPlugin", "ChecksPlugin", "LanguagesPlugin", "OfflinePlugin", "PrintPlugin", "TranslationsPlugin"]
