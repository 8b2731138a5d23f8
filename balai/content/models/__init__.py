"""Page types of the portal and of every OPD site, one module per section: home, profile,
news, announcements, agenda, galleries, documents and contact. Lists and aggregation live in
``balai.content.selectors``.
"""

from balai.content.models.agenda import (  # noqa: F401
    AgendaIndexPage,
    AgendaPage,
)
from balai.content.models.announcements import (  # noqa: F401
    PengumumanIndexPage,
    PengumumanPage,
)
from balai.content.models.base import (  # noqa: F401
    DOCUMENT_MODEL,
    IMAGE_MODEL,
    OPD_SECTION_TYPES,
    BalaiPage,
    IndexPage,
)
from balai.content.models.gallery import (  # noqa: F401
    AlbumPage,
    AlbumPhoto,
    GaleriIndexPage,
)
from balai.content.models.homes import (  # noqa: F401
    HalamanPage,
    OPDHomePage,
    PinnedItem,
    PortalHomePage,
)
from balai.content.models.news import (  # noqa: F401
    BeritaGalleryImage,
    BeritaIndexPage,
    BeritaPage,
    BeritaTag,
    KategoriBerita,
)
from balai.content.models.profile import (  # noqa: F401
    ProfilPage,
    ProfilPimpinanPage,
    StrukturOrganisasiPage,
    TugasFungsiPage,
    VisiMisiPage,
)
from balai.content.models.sections import (  # noqa: F401
    DokumenIndexPage,
    KontakPage,
    OPDDirectoryPage,
)
