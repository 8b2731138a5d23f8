"""Balai settings, read from environment variables (12-factor).

Every variable is listed in the README's configuration table. Defaults are safe for production
(DEBUG off, HTTPS-only cookies, HSTS) and convenient only where development asks for it.
"""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


BASE_DIR = Path(__file__).resolve().parent.parent.parent
PROJECT_DIR = BASE_DIR / "balai"
VAR_DIR = Path(os.environ.get("BALAI_VAR_DIR", BASE_DIR / "var"))

DEBUG = env_bool("DEBUG", False)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set it in the environment (see README), or set DEBUG=1 "
            "for a development key."
        )
    SECRET_KEY = "dev-only-insecure-key-never-use-in-production"  # noqa: S105

# --- Domains and sites -------------------------------------------------------------------
# The portal answers on BALAI_PORTAL_DOMAIN, every OPD on <slug>.BALAI_PORTAL_DOMAIN.
BALAI_PORTAL_DOMAIN = os.environ.get("BALAI_PORTAL_DOMAIN", "localhost").strip().lower()
# Whether the public face is served over HTTPS (behind the proxy). Controls secure cookies, HSTS
# and redirects. On by default whenever DEBUG is off; the local demo turns it off explicitly.
BALAI_HTTPS = env_bool("BALAI_HTTPS", not DEBUG)
# The port the public sites are reached on; Wagtail builds cross-site links with it.
BALAI_SITE_PORT = int(os.environ.get("BALAI_SITE_PORT", "443" if BALAI_HTTPS else "80"))
BALAI_CITY_NAME = os.environ.get("BALAI_CITY_NAME", "Kota Contoh")

ALLOWED_HOSTS = [BALAI_PORTAL_DOMAIN, f".{BALAI_PORTAL_DOMAIN}", *env_list("ALLOWED_HOSTS")]
if BALAI_PORTAL_DOMAIN != "localhost":
    # Health checks from the proxy or orchestrator on the machine itself.
    ALLOWED_HOSTS += ["localhost", "127.0.0.1"]
else:
    ALLOWED_HOSTS += ["127.0.0.1"]

_scheme = "https" if BALAI_HTTPS else "http"
_port_suffix = "" if BALAI_SITE_PORT in (80, 443) else f":{BALAI_SITE_PORT}"
WAGTAILADMIN_BASE_URL = os.environ.get(
    "WAGTAILADMIN_BASE_URL", f"{_scheme}://{BALAI_PORTAL_DOMAIN}{_port_suffix}"
)
CSRF_TRUSTED_ORIGINS = [
    f"{_scheme}://{BALAI_PORTAL_DOMAIN}{_port_suffix}",
    f"{_scheme}://*.{BALAI_PORTAL_DOMAIN}{_port_suffix}",
    *env_list("CSRF_TRUSTED_ORIGINS"),
]

# --- Applications ------------------------------------------------------------------------
INSTALLED_APPS = [
    "balai.core",
    "balai.adminui",
    "balai.theme",
    "balai.opd",
    "balai.kalender",
    "balai.images",
    "balai.documents",
    "balai.content",
    "balai.layanan",
    "balai.ppid",
    "balai.aspirasi",
    "balai.sms",
    "balai.search",
    "balai.pemantauan",
    "balai.migrasi",
    "balai.demo",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.table_block",
    "wagtail.contrib.typed_table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "rest_framework",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "balai.core.input_guard.RefuseNulMiddleware",
    "balai.core.middleware.AdminSecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # ETag and 304s on every response; then Balai's public-cache headers and full-page cache,
    # outside sessions and CSRF so that it sees every cookie they set.
    "django.middleware.http.ConditionalGetMiddleware",
    "balai.core.pagecache.PublicCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "balai.core.middleware.IndonesianFirstLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "balai.adminui.twofactor.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "balai.opd.middleware.OPDSiteMiddleware",
    "balai.migrasi.middleware.WordPressLegacyMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Axes must be last: it turns a locked-out login into the lockout response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "balai.urls"
WSGI_APPLICATION = "balai.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "balai.opd.context_processors.current_opd",
            ],
        },
    },
]

# --- Database, cache, tasks --------------------------------------------------------------
DATABASE_URL = os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}")
DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the web process and the task worker read and write side by side; IMMEDIATE
    # transactions avoid "database is locked" upgrades from read to write locks.
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
else:
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
IS_POSTGRES = DATABASES["default"]["ENGINE"].startswith("django.db.backends.postgresql")
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "balai"),
            "TIMEOUT": 300,
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Each process's own memory in front of the shared cache, for values keyed by the content
# generation (balai.core.pagecache.remember, header/footer fragments): a page rebuilt after a
# publish reads the shared cache once instead of once per fragment.
CACHES["local"] = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "balai-local",
    "TIMEOUT": 600,
    "OPTIONS": {"MAX_ENTRIES": 2000},
}

# Speed (issue 11, balai.core.pagecache): seconds a shared cache (nginx, CDN) keeps a public
# page and may serve it stale while fetching a new copy; Balai's own full-page cache and how long
# it keeps a page that no publish invalidates (lists of tickets, statistics, dates).
BALAI_CACHE_S_MAXAGE = int(os.environ.get("BALAI_CACHE_S_MAXAGE", "2"))
BALAI_CACHE_STALE_SECONDS = int(os.environ.get("BALAI_CACHE_STALE_SECONDS", "30"))
BALAI_PAGE_CACHE = env_bool("BALAI_PAGE_CACHE", True)
BALAI_PAGE_CACHE_SECONDS = int(os.environ.get("BALAI_PAGE_CACHE_SECONDS", "60"))

# Background work: django-tasks with the database backend by default (enqueued in the same
# transaction as the data it belongs to; `manage.py db_worker` runs it). TASKS_BACKEND=rq moves
# it to Redis Queue for scale-out (`manage.py rqworker --with-scheduler`): jobs are pushed to
# Redis when the transaction commits (balai.core.rq.OnCommitQueue), and the worker runs them
# through django-tasks-rq's job class.
TASKS_BACKEND = os.environ.get("TASKS_BACKEND", "db")
if TASKS_BACKEND == "rq":
    RQ_REDIS_URL = os.environ.get("RQ_REDIS_URL", REDIS_URL)
    if not RQ_REDIS_URL:
        raise ImproperlyConfigured("TASKS_BACKEND=rq needs REDIS_URL (or RQ_REDIS_URL).")
    INSTALLED_APPS += ["django_rq", "django_tasks_rq"]
    RQ_QUEUES = {"default": {"URL": RQ_REDIS_URL}}
    RQ = {"JOB_CLASS": "django_tasks_rq.Job", "QUEUE_CLASS": "balai.core.rq.OnCommitQueue"}
    TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
elif TASKS_BACKEND == "db":
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
else:
    raise ImproperlyConfigured("TASKS_BACKEND must be 'db' or 'rq'.")
# Days finished task results stay in the database (failed ones longer), pruned nightly.
BALAI_TASK_RESULTS_KEEP_DAYS = int(os.environ.get("BALAI_TASK_RESULTS_KEEP_DAYS", "14"))
BALAI_TASK_FAILURES_KEEP_DAYS = int(os.environ.get("BALAI_TASK_FAILURES_KEEP_DAYS", "90"))

# --- Authentication and security ---------------------------------------------------------
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    {"NAME": "balai.core.passwords.CharacterClassValidator"},
]
# Lockout after repeated failed logins (django-axes).
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = float(os.environ.get("AXES_COOLOFF_HOURS", "0.5"))  # hours
# Per username and IP, and per IP across usernames (one address trying many accounts). Offices
# behind one NAT address share the IP budget: raise AXES_FAILURE_LIMIT there.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]
# Two-factor login (balai.adminui.twofactor): always for Kominfo, OPD admins and PPID officers;
# for operators only when Kominfo turns this on.
BALAI_2FA_OPERATOR = os.environ.get("BALAI_2FA_OPERATOR", "0") == "1"
OTP_TOTP_ISSUER = os.environ.get("OTP_TOTP_ISSUER", "Balai")
AXES_LOCKOUT_TEMPLATE = "core/lockout.html"
AXES_RESET_ON_SUCCESS = True
AXES_IPWARE_PROXY_COUNT = int(os.environ.get("PROXY_COUNT", "0")) or None
AXES_IPWARE_META_PRECEDENCE_ORDER = ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"]

SESSION_COOKIE_AGE = int(os.environ.get("SESSION_COOKIE_AGE", str(8 * 3600)))
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = BALAI_HTTPS
CSRF_COOKIE_SECURE = BALAI_HTTPS
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "SAMEORIGIN"  # Wagtail's preview frames its own pages.
if BALAI_HTTPS:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(365 * 24 * 3600)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = False

# Uploads: a hard ceiling per request; per-field limits live in balai.core.uploads.
BALAI_MAX_UPLOAD_MB = int(os.environ.get("BALAI_MAX_UPLOAD_MB", "20"))
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
FILE_UPLOAD_PERMISSIONS = 0o644

# Requests received after this local time count as received on the next working day.
BALAI_OFFICE_CLOSES = os.environ.get("BALAI_OFFICE_CLOSES", "16:00")

# Public forms: seconds a person needs at least to fill a form (bots post instantly).
BALAI_FORM_MIN_SECONDS = float(os.environ.get("BALAI_FORM_MIN_SECONDS", "3"))

# --- Internationalisation ----------------------------------------------------------------
# Wagtail ships its admin catalogue as id_ID, which "id-id" selects; Django's "id" follows.
LANGUAGE_CODE = "id-id"
LANGUAGES = [("id-id", "Bahasa Indonesia"), ("en", "English")]
LOCALE_PATHS = [PROJECT_DIR / "locale"]
WAGTAILADMIN_PERMITTED_LANGUAGES = [("id-id", "Bahasa Indonesia"), ("en", "English")]
# A reader's language choice made on the portal holds on every OPD sub-site too (browsers refuse
# a cookie domain of "localhost", so development keeps the per-host cookie).
if BALAI_PORTAL_DOMAIN != "localhost":
    LANGUAGE_COOKIE_DOMAIN = f".{BALAI_PORTAL_DOMAIN}"
TIME_ZONE = os.environ.get("TIME_ZONE", "Asia/Jakarta")
# The zone printed after every time a citizen reads (WIB/WITA/WIT); follows TIME_ZONE unless set.
BALAI_ZONA_WAKTU = os.environ.get(
    "BALAI_ZONA_WAKTU", {"Asia/Makassar": "WITA", "Asia/Jayapura": "WIT"}.get(TIME_ZONE, "WIB")
)
USE_I18N = True
USE_TZ = True

# --- Static and media --------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "static"))
MEDIA_URL = os.environ.get("MEDIA_URL", "/media/")
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# Local demo without a proxy: let Django serve /media/ itself.
BALAI_SERVE_MEDIA = env_bool("BALAI_SERVE_MEDIA", DEBUG)
WHITENOISE_USE_FINDERS = DEBUG or env_bool("WHITENOISE_USE_FINDERS", False)

AWS_STORAGE_BUCKET_NAME = os.environ.get("S3_BUCKET", "")
if AWS_STORAGE_BUCKET_NAME:
    AWS_S3_ENDPOINT_URL = os.environ.get("S3_ENDPOINT_URL") or None
    AWS_S3_REGION_NAME = os.environ.get("S3_REGION") or None
    AWS_ACCESS_KEY_ID = os.environ.get("S3_ACCESS_KEY_ID", "")
    AWS_SECRET_ACCESS_KEY = os.environ.get("S3_SECRET_ACCESS_KEY", "")
    AWS_S3_CUSTOM_DOMAIN = os.environ.get("S3_CUSTOM_DOMAIN") or None
    AWS_DEFAULT_ACL = None
    AWS_QUERYSTRING_AUTH = False
    AWS_S3_FILE_OVERWRITE = False
    _default_storage = {"BACKEND": "storages.backends.s3.S3Storage"}
else:
    _default_storage = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
STORAGES = {
    "default": _default_storage,
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# --- E-mail ------------------------------------------------------------------------------
EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
# The file backend (demo) writes each message into this folder.
EMAIL_FILE_PATH = os.environ.get("EMAIL_FILE_PATH", str(VAR_DIR / "mail"))
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", f"noreply@{BALAI_PORTAL_DOMAIN}")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Wagtail -----------------------------------------------------------------------------
WAGTAIL_SITE_NAME = os.environ.get("WAGTAIL_SITE_NAME", f"Balai {BALAI_CITY_NAME}")
WAGTAIL_I18N_ENABLED = False
WAGTAILIMAGES_IMAGE_MODEL = "images.BalaiImage"
WAGTAILDOCS_DOCUMENT_MODEL = "documents.BalaiDocument"
WAGTAILIMAGES_IMAGE_FORM_BASE = "balai.images.forms.BalaiImageForm"
WAGTAILDOCS_DOCUMENT_FORM_BASE = "balai.documents.forms.BalaiDocumentForm"
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "gif", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000  # decompression-bomb guard
WAGTAILDOCS_EXTENSIONS = [
    "pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "ods", "odp", "csv", "txt",
    "jpg", "jpeg", "png", "zip",
]  # fmt: skip
WAGTAILDOCS_MAX_UPLOAD_SIZE = BALAI_MAX_UPLOAD_MB * 1024 * 1024
# Documents go through Django, which decides inline vs attachment and never serves HTML/SVG.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_INLINE_CONTENT_TYPES = ["application/pdf", "image/png", "image/jpeg"]
WAGTAILDOCS_BLOCK_EMBEDDED_CONTENT = True
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_GRAVATAR_PROVIDER_URL = None  # no third-party request from the admin (privacy)
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAILADMIN_COMMENTS_ENABLED = True
WAGTAIL_USER_TIME_ZONES = ["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"]
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "wagtail.search.backends.database",
        # PostgreSQL full-text search with the Indonesian Snowball stemmer; ignored on SQLite.
        "SEARCH_CONFIG": "indonesian",
        "AUTO_UPDATE": True,
    }
}
WAGTAILAPI_BASE_URL = WAGTAILADMIN_BASE_URL
WAGTAILAPI_LIMIT_MAX = 50
REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
}

# --- Aspirasi & SMS Centre (issue 6) -----------------------------------------------------
# Outbound gateway: balai.sms.gateways.FileGateway (dev/demo: one JSON file per SMS in
# BALAI_SMS_FILE_DIR), .SMSGateGateway (SMS Gateway for Android send API) or .GammuGateway
# (Gammu SMSD SQL outbox at BALAI_SMS_GAMMU_DATABASE_URL).
BALAI_SMS_GATEWAY = os.environ.get("BALAI_SMS_GATEWAY", "balai.sms.gateways.FileGateway")
BALAI_SMS_FILE_DIR = os.environ.get("BALAI_SMS_FILE_DIR", str(VAR_DIR / "sms-outbox"))
BALAI_SMSGATE_URL = os.environ.get("BALAI_SMSGATE_URL", "http://127.0.0.1:8080")
BALAI_SMSGATE_USER = os.environ.get("BALAI_SMSGATE_USER", "")
BALAI_SMSGATE_PASSWORD = os.environ.get("BALAI_SMSGATE_PASSWORD", "")
BALAI_SMSGATE_SIGNING_KEY = os.environ.get("BALAI_SMSGATE_SIGNING_KEY", "")  # webhook HMAC key
BALAI_SMS_GAMMU_DATABASE_URL = os.environ.get("BALAI_SMS_GAMMU_DATABASE_URL", "")
# Generic JSON webhook /sms/webhook/: HMAC-SHA256 shared secret and allowed clock skew (s).
BALAI_SMS_WEBHOOK_SECRET = os.environ.get("BALAI_SMS_WEBHOOK_SECRET", "")
BALAI_SMS_WEBHOOK_MAX_SKEW = int(os.environ.get("BALAI_SMS_WEBHOOK_MAX_SKEW", "300"))
# Flood limits (hits, window seconds) per sender IP and per phone number.
BALAI_SMS_RATE_IP = (int(os.environ.get("BALAI_SMS_RATE_IP", "600")), 60)
BALAI_SMS_RATE_PHONE = (int(os.environ.get("BALAI_SMS_RATE_PHONE", "10")), 60)
# Same phone + same text inside this window = one message (retried delivery without an id).
BALAI_SMS_DEDUPE_WINDOW_SECONDS = int(os.environ.get("BALAI_SMS_DEDUPE_WINDOW_SECONDS", "600"))
BALAI_SMS_MAX_ATTEMPTS = int(os.environ.get("BALAI_SMS_MAX_ATTEMPTS", "6"))  # inbound processing
BALAI_SMS_RETRY_BASE_SECONDS = int(os.environ.get("BALAI_SMS_RETRY_BASE_SECONDS", "60"))
# Outbound replies retry for this long (a gateway outage of hours costs no reply), with the
# backoff between attempts capped so a recovered gateway is used within minutes.
BALAI_SMS_RETRY_WINDOW_SECONDS = int(os.environ.get("BALAI_SMS_RETRY_WINDOW_SECONDS", "86400"))
BALAI_SMS_RETRY_MAX_DELAY_SECONDS = int(os.environ.get("BALAI_SMS_RETRY_MAX_DELAY_SECONDS", "300"))
# A gateway failing for this long is declared down: Kominfo gets an admin banner and an e-mail.
BALAI_SMS_OUTAGE_AFTER_SECONDS = int(os.environ.get("BALAI_SMS_OUTAGE_AFTER_SECONDS", "60"))
BALAI_SMS_MAX_PARTS = int(os.environ.get("BALAI_SMS_MAX_PARTS", "3"))  # longer: tracking page
# Chat channels of the same pipeline (issue 16.1). Without a token a channel's replies go to the
# file gateway (dev/demo), like SMS. API base URLs are settings so tests point at local fakes.
BALAI_TELEGRAM_BOT_TOKEN = os.environ.get("BALAI_TELEGRAM_BOT_TOKEN", "")
BALAI_TELEGRAM_WEBHOOK_SECRET = os.environ.get("BALAI_TELEGRAM_WEBHOOK_SECRET", "")
BALAI_TELEGRAM_API_URL = os.environ.get("BALAI_TELEGRAM_API_URL", "https://api.telegram.org")
BALAI_WHATSAPP_TOKEN = os.environ.get("BALAI_WHATSAPP_TOKEN", "")
BALAI_WHATSAPP_APP_SECRET = os.environ.get("BALAI_WHATSAPP_APP_SECRET", "")
BALAI_WHATSAPP_VERIFY_TOKEN = os.environ.get("BALAI_WHATSAPP_VERIFY_TOKEN", "")
BALAI_WHATSAPP_PHONE_NUMBER_ID = os.environ.get("BALAI_WHATSAPP_PHONE_NUMBER_ID", "")
BALAI_WHATSAPP_API_URL = os.environ.get(
    "BALAI_WHATSAPP_API_URL", "https://graph.facebook.com/v21.0"
)
# Outside the 24-hour customer-service window only an approved template may be sent: its name
# and language; its body has one parameter, {{1}}, which carries Balai's message.
BALAI_WHATSAPP_TEMPLATE = os.environ.get("BALAI_WHATSAPP_TEMPLATE", "balai_pemberitahuan")
BALAI_WHATSAPP_TEMPLATE_LANGUAGE = os.environ.get("BALAI_WHATSAPP_TEMPLATE_LANGUAGE", "id")
BALAI_ASPIRASI_NEW_KEYWORD = os.environ.get("BALAI_ASPIRASI_NEW_KEYWORD", "LAPOR").upper()
BALAI_ASPIRASI_REOPEN_DAYS = int(os.environ.get("BALAI_ASPIRASI_REOPEN_DAYS", "14"))
BALAI_ASPIRASI_REMIND_DAYS = int(os.environ.get("BALAI_ASPIRASI_REMIND_DAYS", "1"))
# Watch over OPD sites outside Balai (pemantauan.external): a CA bundle file to trust instead of
# the system store (empty = the system's); certificates are read for their expiry either way.
BALAI_EXTERNAL_CA_BUNDLE = os.environ.get("BALAI_EXTERNAL_CA_BUNDLE", "")
# Which clocks tickets run on: "balai" (category tiers) or "lapor" (SP4N-LAPOR!'s 3/5/10 days);
# see balai/aspirasi/lapor.py.
BALAI_ASPIRASI_CLOCK = os.environ.get("BALAI_ASPIRASI_CLOCK", "balai").lower()
# Dotted path of a LAPOR! API adapter (balai.aspirasi.lapor.LaporAdapter); empty: numbers by hand.
BALAI_LAPOR_ADAPTER = os.environ.get("BALAI_LAPOR_ADAPTER", "")

# --- Logging -----------------------------------------------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.request": {"level": "WARNING"},
        "axes": {"level": "WARNING"},
        "weasyprint": {"level": "WARNING"},
        "django_tasks": {"level": os.environ.get("TASKS_LOG_LEVEL", "WARNING")},
        "fontTools": {"level": "WARNING"},
        "wagtail": {"level": os.environ.get("WAGTAIL_LOG_LEVEL", "WARNING")},
    },
}

# WordPress imports (balai.migrasi): uploaded exports and uploads ZIPs wait here for the worker.
# Not under MEDIA_ROOT (never web-served); the worker must see the same folder.
BALAI_WP_IMPORT_DIR = Path(os.environ.get("BALAI_WP_IMPORT_DIR", VAR_DIR / "wp-imports"))
