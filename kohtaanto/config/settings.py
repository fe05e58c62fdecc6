"""Kohtaanto settings: one module, driven by environment variables.

Defaults serve the embedded demo (SQLite file, database task worker, Finnish UI,
Europe/Helsinki). Production (KOHTAANTO_ENV=production) differs only by environment and
refuses to start without its secrets. docs/deploy.md lists every variable.
"""

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

from kohtaanto.config.env import (
    env_bool,
    env_int,
    env_list,
    env_str,
    local_secret,
    private_dir,
    private_file,
    require,
)

PACKAGE_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = Path(env_str("KOHTAANTO_DATA_DIR", str(PACKAGE_DIR.parent / "var"))).resolve()

ENVIRONMENT = env_str("KOHTAANTO_ENV", "development")
PRODUCTION = ENVIRONMENT == "production"
DEBUG = env_bool("KOHTAANTO_DEBUG", default=not PRODUCTION)

SECRET_KEY = require(
    "SECRET_KEY",
    production=PRODUCTION,
    dev_default="" if PRODUCTION else local_secret(DATA_DIR, ".secret_key"),
)
# Fernet key for personal identity codes at rest (see jobseekers). Separate from SECRET_KEY so
# that rotating one does not lose the other.
FIELD_ENCRYPTION_KEY = require(
    "KOHTAANTO_FIELD_KEY",
    production=PRODUCTION,
    dev_default="" if PRODUCTION else local_secret(DATA_DIR, ".field_key"),
)
# During a key rotation the previous key(s), comma-separated: read, never written
# (jobseekers.encryption; `kohtaanto rotate-field-key` re-encrypts and then they can go).
FIELD_ENCRYPTION_OLD_KEYS = env_list("KOHTAANTO_FIELD_OLD_KEYS", "")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "" if PRODUCTION else "127.0.0.1,localhost,testserver")
if PRODUCTION and not ALLOWED_HOSTS:
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured(
        "ALLOWED_HOSTS must be set when KOHTAANTO_ENV=production (see docs/deploy.md)."
    )
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    "django_htmx",
    # Only for its static files and templates: the API docs (Swagger UI) are served from the
    # installed package, never from a CDN, under the site's Content-Security-Policy.
    "ninja",
    "django_tasks",
    "django_tasks_db",
    "kohtaanto.common",
    "kohtaanto.accounts",
    "kohtaanto.audit",
    "kohtaanto.taxonomy",
    "kohtaanto.extraction",
    "kohtaanto.jobseekers",
    "kohtaanto.employers",
    "kohtaanto.finance",
    "kohtaanto.programme",
    "kohtaanto.training",
    "kohtaanto.matching",
    "kohtaanto.home",
    "kohtaanto.api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "kohtaanto.common.client_address.ClientAddressMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "kohtaanto.accounts.middleware.SessionGenerationMiddleware",
    "kohtaanto.accounts.middleware.OTPRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "kohtaanto.common.middleware.SecurityHeadersMiddleware",
    "kohtaanto.common.middleware.DomainErrorMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "kohtaanto.config.urls"
WSGI_APPLICATION = "kohtaanto.config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "kohtaanto.common.context_processors.navigation",
                "kohtaanto.common.context_processors.features",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{DATA_DIR / 'kohtaanto.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The database holds personal data: the folder 0700 and the file 0600, whatever the umask.
    private_dir(DATA_DIR)
    _SQLITE_FILE = Path(str(DATABASES["default"]["NAME"]))
    if str(_SQLITE_FILE) not in ("", ":memory:") and _SQLITE_FILE.parent.is_dir():
        private_file(_SQLITE_FILE)
    # WAL and a busy timeout let the web process and the task worker share the file.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
    DATABASES["default"]["TEST"] = {"NAME": env_str("KOHTAANTO_TEST_SQLITE", "") or None}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Background tasks: Django's tasks API; the database worker by default
# (`kohtaanto db_worker`), Redis/RQ when TASKS_BACKEND=redis.
TASKS_BACKEND = env_str("TASKS_BACKEND", "database")
_TASK_BACKENDS = {
    "database": "django_tasks_db.DatabaseBackend",
    "redis": "django_tasks_rq.RQBackend",
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
}
TASKS = {"default": {"BACKEND": _TASK_BACKENDS[TASKS_BACKEND], "QUEUES": ["default"]}}
if TASKS_BACKEND == "redis":
    INSTALLED_APPS += ["django_rq", "django_tasks_rq"]
    RQ_QUEUES = {"default": {"URL": env_str("REDIS_URL", "redis://127.0.0.1:6379/0")}}

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "accounts:login"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Login lockout (django-axes): five failures lock the username+address pair for 30 minutes.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = env_int("AXES_COOLOFF_MINUTES", 30) / 60
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_ENABLED = env_bool("AXES_ENABLED", True)
# How many reverse proxies stand in front of Kohtaanto (docs/deploy.md): the client address
# for throttling and the access log is taken from X-Forwarded-For only that far.
TRUSTED_PROXIES = env_int("KOHTAANTO_TRUSTED_PROXIES", 0)
AXES_CLIENT_IP_CALLABLE = "kohtaanto.common.client_address.client_address"

# Second factor: when set, every user must have a confirmed TOTP device.
OTP_REQUIRED = env_bool("KOHTAANTO_OTP_REQUIRED", False)
OTP_TOTP_ISSUER = "Kohtaanto"

SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 8 * 3600)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
CSRF_FAILURE_VIEW = "kohtaanto.common.views.csrf_failure"
SESSION_COOKIE_SECURE = PRODUCTION
CSRF_COOKIE_SECURE = PRODUCTION
SECURE_SSL_REDIRECT = PRODUCTION and env_bool("SECURE_SSL_REDIRECT", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if PRODUCTION else None
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000) if PRODUCTION else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = PRODUCTION
SECURE_HSTS_PRELOAD = PRODUCTION
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Single sign-on through OpenID Connect: off unless OIDC_ENABLED=true (docs/deploy.md).
OIDC_ENABLED = env_bool("OIDC_ENABLED", False)
if OIDC_ENABLED:
    INSTALLED_APPS += ["mozilla_django_oidc"]
    AUTHENTICATION_BACKENDS.insert(1, "kohtaanto.accounts.oidc.KohtaantoOIDCBackend")
    OIDC_RP_CLIENT_ID = require("OIDC_RP_CLIENT_ID", production=True, dev_default="")
    OIDC_RP_CLIENT_SECRET = require("OIDC_RP_CLIENT_SECRET", production=True, dev_default="")
    OIDC_OP_AUTHORIZATION_ENDPOINT = require(
        "OIDC_OP_AUTHORIZATION_ENDPOINT", production=True, dev_default=""
    )
    OIDC_OP_TOKEN_ENDPOINT = require("OIDC_OP_TOKEN_ENDPOINT", production=True, dev_default="")
    OIDC_OP_USER_ENDPOINT = require("OIDC_OP_USER_ENDPOINT", production=True, dev_default="")
    OIDC_OP_JWKS_ENDPOINT = env_str("OIDC_OP_JWKS_ENDPOINT")
    OIDC_RP_SIGN_ALGO = env_str("OIDC_RP_SIGN_ALGO", "RS256")
    OIDC_CREATE_USER = env_bool("OIDC_CREATE_USER", False)

LANGUAGE_CODE = "fi"
LANGUAGES = [("fi", _("Suomi")), ("sv", _("Svenska")), ("en", _("English"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
# Dates and numbers per language: fi and sv "2.12.2026", en "2 Dec 2026" (config/formats).
FORMAT_MODULE_PATH = ["kohtaanto.config.formats"]
TIME_ZONE = "Europe/Helsinki"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(DATA_DIR / "static")))
STORAGES = {
    "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(DATA_DIR / "media")},
    },
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if PRODUCTION
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = DEBUG
WHITENOISE_AUTOREFRESH = DEBUG
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

# API lists: no page larger than this, whatever `limit` asks (larger asks answer 400).
NINJA_PAGINATION_MAX_LIMIT = 100

# Signed links for people without an account (company surveys, grant applications).
SIGNED_LINK_MAX_AGE_DAYS = env_int("SIGNED_LINK_MAX_AGE_DAYS", 30)
# Submissions through one public application link, and from one client address to any link,
# within an hour (finance.services.links); beyond them the page answers 429.
PUBLIC_LINK_ATTEMPTS_PER_LINK = env_int("KOHTAANTO_LINK_ATTEMPTS_PER_LINK", 10)
PUBLIC_LINK_ATTEMPTS_PER_ADDRESS = env_int("KOHTAANTO_LINK_ATTEMPTS_PER_ADDRESS", 20)

# Outgoing mail (survey and grant links to company contacts). Development prints to the console.
EMAIL_BACKEND = env_str(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if PRODUCTION
    else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", PRODUCTION)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "kohtaanto@localhost")
# Where the accessibility statement asks people to send feedback (laki 306/2019, 16 §).
ACCESSIBILITY_FEEDBACK_EMAIL = env_str("KOHTAANTO_ACCESSIBILITY_EMAIL", DEFAULT_FROM_EMAIL)
ACCESSIBILITY_STATEMENT_DATE = env_str("KOHTAANTO_ACCESSIBILITY_DATE", "2026-12-02")

# GDPR: how long a person's data is kept after their last exit or contact.
RETENTION_YEARS = env_int("KOHTAANTO_RETENTION_YEARS", 10)

# A local sentence-embedding model for the extraction's semantic stage (optional).
EXTRACTION_MODEL_PATH = env_str("KOHTAANTO_EXTRACTION_MODEL", "")
# Build the extraction and concept search indexes when the web process starts
# (kohtaanto/extraction/warm.py) rather than on the first request.
WARM_START = env_bool("KOHTAANTO_WARM_START", True)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        # Not news: axes' start-up banner, and the font subsetting of every PDF made.
        "axes.apps": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}

# Matching (README "Matching"): weights of the score, overridable one by one with
# KOHTAANTO_MATCHING_<FIELD> (e.g. KOHTAANTO_MATCHING_W_LOCATION=0.2); the fields and their
# defaults are in kohtaanto/matching/engine/weights.py.
MATCHING_WEIGHTS = {
    key[len("KOHTAANTO_MATCHING_") :].lower(): float(value)
    for key, value in os.environ.items()
    if key.startswith("KOHTAANTO_MATCHING_") and value.strip()
}
# Languages a job is done in, for the language component (ISO 639-1).
MATCHING_WORK_LANGUAGES = env_list("KOHTAANTO_WORK_LANGUAGES", "fi")
# Career moves: skill-overlap thresholds in the spirit of Nesta's Mapping Career Causeways,
# calibrated on ESCO by bench/matching_mobility_calibration.py (figures in bench/README.md).
MATCHING_MOBILITY_VIABLE = 0.28
MATCHING_MOBILITY_HIGHLY_VIABLE = 0.39
# From the same calibration: a verdict needs two essential skills in common, and a profile of
# fewer confirmed skills than 99 % of the calibrated profiles gets no "hard move" verdict.
MATCHING_MOBILITY_MIN_SHARED = 2
MATCHING_MOBILITY_MIN_PROFILE_SKILLS = 12
