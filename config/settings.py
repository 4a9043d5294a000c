"""Fleksi settings.

Every value that differs between machines comes from an environment variable (see
``docs/operations.md``). Development defaults apply only when ``DEBUG`` is on; outside
development ``SECRET_KEY`` is required and the process refuses to start without it.
"""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY must be set when DEBUG is off (see docs/operations.md)."
        )
    SECRET_KEY = "development-only-insecure-key-do-not-use-in-production"  # noqa: S105

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "ninja",
    "django_tasks_db",
    "fleksi.common",
    "fleksi.audit",
    "fleksi.places",
    "fleksi.org",
    "fleksi.accounts",
    "fleksi.policy",
    "fleksi.worktime",
    "fleksi.jobmap",
    "fleksi.eligibility",
    "fleksi.notify",
    "fleksi.schedule",
    "fleksi.servicelevel",
    "fleksi.roster",
    "fleksi.presence",
    "fleksi.outputs",
    "fleksi.insights",
    "fleksi.tpp",
    "fleksi.documents",
    "fleksi.home",
    "fleksi.api",
]
# The demo (``seed_demo``, ``demo_accounts`` and their data) is installed only where it is
# wanted: under ``make run`` and ``make demo-kukar`` (DEBUG on), in the tests and benchmarks
# (config/test_settings.py), or when FLEKSI_DEMO=1. A production instance has none of it.
FLEKSI_DEMO = env_bool("FLEKSI_DEMO", DEBUG)
if FLEKSI_DEMO:
    INSTALLED_APPS.append("fleksi.demo")

MIDDLEWARE = [
    "fleksi.common.metrics.MetricsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.gzip.GZipMiddleware",
    "fleksi.common.middleware.RequestIdMiddleware",
    "fleksi.api.ratelimit.ApiRateLimitMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "fleksi.common.replica.ReadYourWritesMiddleware",
    # The interface language: the account's choice or the switcher's cookie, never the
    # browser's Accept-Language (fleksi/common/middleware.py).
    "fleksi.common.middleware.ChosenLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
    "fleksi.accounts.middleware.MfaSetupMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "fleksi" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "fleksi.common.context_processors.fleksi",
                "fleksi.home.navigation.navigation",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------------
# SQLite is the embedded default; PostgreSQL is the production database (DATABASE_URL).
# Persistent connections: opening a connection per request makes a bare view ~6x slower.
DATABASE_URL = os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'var' / 'fleksi.sqlite3'}"
CONN_MAX_AGE = int(os.environ.get("CONN_MAX_AGE", "600"))
DATABASES = {
    "default": dj_database_url.parse(
        DATABASE_URL, conn_max_age=CONN_MAX_AGE, conn_health_checks=True
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers work while one writer commits; IMMEDIATE transactions take the write
    # lock up front, so two writers queue instead of failing halfway through.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"
            " PRAGMA busy_timeout=10000;"
        ),
        "transaction_mode": "IMMEDIATE",
    }
# Reads on replicas (fleksi/common/replica.py, docs/operations.md): with DATABASE_REPLICA_URL,
# views marked reads_from_replica (dashboards, reports, exports) read a streaming replica; a
# person who just acted reads the primary for REPLICA_PIN_SECONDS. In tests the replica
# mirrors the primary's test database (same name, on the replica's server).
DATABASE_REPLICA_URL = os.environ.get("DATABASE_REPLICA_URL", "")
if DATABASE_REPLICA_URL:
    DATABASES["replica"] = dj_database_url.parse(
        DATABASE_REPLICA_URL, conn_max_age=CONN_MAX_AGE, conn_health_checks=True
    )
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
DATABASE_ROUTERS = ["fleksi.common.replica.ReplicaRouter"]
REPLICA_PIN_SECONDS = int(os.environ.get("REPLICA_PIN_SECONDS", "15"))
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Authentication -------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "fleksi.accounts.backends.AccountBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    # The NIP, the birth date, Indonesian words with digits around them.
    {"NAME": "fleksi.accounts.validators.LocalPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "home:index"
LOGOUT_REDIRECT_URL = "accounts:login"

# Lockout after repeated failures (django-axes): per username and address.
AXES_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = float(os.environ.get("LOGIN_COOLOFF_HOURS", "0.25"))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
# Password spraying (a few passwords tried on many accounts from one address): after this
# many failed sign-ins from one address within the window, that address is refused (429)
# until the window ends, whatever the username. Higher than the per-account limit because
# many employees of an office share one public address.
FLEKSI_SIGNIN_FAILURES_PER_ADDRESS = os.environ.get("LOGIN_FAILURES_PER_ADDRESS", "20/900")
# API limits, "count/seconds": per token and per address (all API calls from it).
FLEKSI_API_RATE_PER_TOKEN = os.environ.get("API_RATE_PER_TOKEN", "120/60")
FLEKSI_API_RATE_PER_ADDRESS = os.environ.get("API_RATE_PER_ADDRESS", "1200/60")
# Behind a reverse proxy: the request header that carries the client's address
# (e.g. HTTP_X_REAL_IP). Empty: REMOTE_ADDR.
FLEKSI_CLIENT_ADDRESS_HEADER = os.environ.get("CLIENT_ADDRESS_HEADER", "")
# Step-up: how recent a sign-in or re-authentication must be for sensitive actions
# (minting an API token, assigning roles, publishing a policy, exporting personal data).
# Second factor (TOTP with recovery codes): the roles that must use it. Every role above
# employee by default (supervisors and heads included); an employee may turn it on.
FLEKSI_MFA_REQUIRED_ROLES = frozenset(
    os.environ.get(
        "MFA_REQUIRED_ROLES",
        "supervisor,unit_head,sekda,bupati,bagian_hukum,bagian_organisasi,bkpsdm_admin,"
        "diskominfo_admin,service_manager,unit_admin,auditor",
    ).split(",")
) - {""}
OTP_TOTP_ISSUER = "Fleksi"
FLEKSI_STEP_UP_SECONDS = int(os.environ.get("STEP_UP_SECONDS", "600"))
# Password life (docs/sign-in.md): a reset link is valid this long; the activation link of
# a provisioned account (no password yet) for ACCOUNT_ACTIVATION_DAYS.
PASSWORD_RESET_TIMEOUT = int(os.environ.get("PASSWORD_RESET_MINUTES", "60")) * 60
ACCOUNT_ACTIVATION_DAYS = int(os.environ.get("ACCOUNT_ACTIVATION_DAYS", "7"))
AXES_RESET_ON_SUCCESS = True

# Single sign-on with the regency's OpenID Connect provider (BKN's SSO is Keycloak; a pemda
# may run its own). Off while OIDC_CLIENT_ID is empty. See docs/sign-in.md.
OIDC_ISSUER = os.environ.get("OIDC_ISSUER", "").rstrip("/")
OIDC_DISCOVERY_URL = os.environ.get("OIDC_DISCOVERY_URL", "") or (
    f"{OIDC_ISSUER}/.well-known/openid-configuration" if OIDC_ISSUER else ""
)
OIDC_CLIENT_ID = os.environ.get("OIDC_CLIENT_ID", "")
OIDC_CLIENT_SECRET = os.environ.get("OIDC_CLIENT_SECRET", "")
OIDC_SCOPES = os.environ.get("OIDC_SCOPES", "openid profile")
# The claim (in the ID token or from the userinfo endpoint) that carries the person's NIP.
OIDC_NIP_CLAIM = os.environ.get("OIDC_NIP_CLAIM", "nip")
# The provider's name on the sign-in button, e.g. "SSO BKN".
OIDC_PROVIDER_NAME = os.environ.get("OIDC_PROVIDER_NAME", "SSO")
# A NIP with no account is refused, unless this is on: then an active employee record with
# that NIP gets its account at the first SSO sign-in (never a record that does not exist).
OIDC_CREATE_ACCOUNTS = env_bool("OIDC_CREATE_ACCOUNTS", False)
# When the provider's ID token says a second factor was used (an `amr` value or an `acr`
# listed here), Fleksi does not ask for its own code. Empty (the default): Fleksi's second
# step is asked as after a password.
OIDC_MFA_AMR = frozenset(env_list("OIDC_MFA_AMR"))
OIDC_MFA_ACR = frozenset(env_list("OIDC_MFA_ACR"))
OIDC_TIMEOUT_S = float(os.environ.get("OIDC_TIMEOUT_S", "10"))
# Roles that must sign in through SSO: their password sign-in is refused (with a pointer to
# the SSO button). Only meaningful with SSO configured.
FLEKSI_SSO_ONLY_ROLES = frozenset(env_list("SSO_ONLY_ROLES"))
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_VERBOSE = False

SESSION_COOKIE_AGE = int(os.environ.get("SESSION_COOKIE_AGE", str(8 * 3600)))
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE

# --- Security headers -----------------------------------------------------------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "0" if DEBUG else "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", not DEBUG)
if env_bool("BEHIND_TLS_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# Content Security Policy (Django's own middleware): everything from our origin, no inline
# script, no third-party host. Inline <script> blocks would need the per-request nonce.
_sso_origin = "/".join(OIDC_DISCOVERY_URL.split("/")[:3]) if OIDC_CLIENT_ID else ""
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "connect-src": [CSP.SELF],
    "font-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    # Signing out of Fleksi continues to the provider's sign-out page (a form's redirect).
    "form-action": [CSP.SELF, *([_sso_origin] if _sso_origin else [])],
    "frame-ancestors": [CSP.NONE],
    "manifest-src": [CSP.SELF],
    "worker-src": [CSP.SELF],
}

# --- Internationalisation -------------------------------------------------------------------
LANGUAGE_CODE = "id"
LANGUAGES = [("id", _("Bahasa Indonesia")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
# The instance's time zone: Kukar is in WITA. Indonesia has three; another regency sets its own
# (FLEKSI_TIME_ZONE). Days, working hours and shifts are local times of this zone.
TIME_ZONES_ID = {"Asia/Jakarta": "WIB", "Asia/Makassar": "WITA", "Asia/Jayapura": "WIT"}
TIME_ZONE = os.environ.get("FLEKSI_TIME_ZONE", "Asia/Makassar")
if TIME_ZONE not in TIME_ZONES_ID:
    raise ImproperlyConfigured(f"FLEKSI_TIME_ZONE must be one of {', '.join(TIME_ZONES_ID)}")
USE_I18N = True
USE_TZ = True
LANGUAGE_COOKIE_SAMESITE = "Lax"

# --- Static and uploaded files --------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "var" / "static"
STORAGES = {
    # Uploaded files are private: never served by a URL, only through views that check access.
    "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {
            "location": os.environ.get("PRIVATE_MEDIA_ROOT", str(BASE_DIR / "var" / "private"))
        },
    },
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        ),
    },
}
WHITENOISE_USE_FINDERS = DEBUG
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

# --- E-mail ---------------------------------------------------------------------------------
# Printed to the console in development; SMTP from the environment otherwise.
EMAIL_BACKEND_PATH = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
MAILERS = {
    "default": {
        "BACKEND": EMAIL_BACKEND_PATH,
        "OPTIONS": (
            {
                "host": os.environ.get("EMAIL_HOST", "localhost"),
                "port": int(os.environ.get("EMAIL_PORT", "25")),
                "username": os.environ.get("EMAIL_HOST_USER", ""),
                "password": os.environ.get("EMAIL_HOST_PASSWORD", ""),
                "use_tls": env_bool("EMAIL_USE_TLS", False),
                "timeout": 20,
            }
            if EMAIL_BACKEND_PATH.endswith("smtp.EmailBackend")
            else {}
        ),
    }
}
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Fleksi <fleksi@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Background work ------------------------------------------------------------------------
# Django's tasks framework; the database backend needs only the database we already have.
TASKS = {
    "default": {
        "BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
    }
}
# A task running longer than this is taken to have lost its worker and is queued again
# (periodic job tasks.reclaim_stale), up to TASKS_MAX_ATTEMPTS tries in all.
TASKS_STALE_AFTER_S = int(os.environ.get("TASKS_STALE_AFTER_S", "1800"))
TASKS_MAX_ATTEMPTS = int(os.environ.get("TASKS_MAX_ATTEMPTS", "3"))
# The distributed backend (TASKS_BACKEND=fleksi.common.distributed.CeleryBackend, decision
# 0030): Celery on RabbitMQ; workers retry a failing task after 1, 2, 4 ... s (at most
# TASKS_RETRY_BACKOFF_MAX_S); the scheduler sends every periodic job every PERIODIC_EVERY_S.
CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", "amqp://guest:guest@127.0.0.1:5672//")
CELERY_QUEUE = os.environ.get("CELERY_QUEUE", "fleksi")
TASKS_RETRY_BACKOFF_MAX_S = int(os.environ.get("TASKS_RETRY_BACKOFF_MAX_S", "600"))
PERIODIC_EVERY_S = int(os.environ.get("PERIODIC_EVERY_S", "900"))

# --- Caches ---------------------------------------------------------------------------------
# Throttling counters live here. In memory by default (per process: with several web
# processes each counts on its own). CACHE_URL shares them: "redis://host:6379/1" (needs the
# redis package) or "file:///var/cache/fleksi" (one host, several processes).
_cache_url = os.environ.get("CACHE_URL", "")
if _cache_url.startswith("redis://"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": _cache_url,
        }
    }
elif _cache_url.startswith("file://"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": _cache_url.removeprefix("file://"),
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "fleksi",
        }
    }

# Every line names its request (X-Request-ID); LOG_FORMAT=json writes one JSON object a line.
LOG_FORMAT = os.environ.get("LOG_FORMAT", "text")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "fleksi.common.logging.RequestIdFilter"}},
    "formatters": {
        "text": {"format": "%(levelname)s %(name)s [%(request_id)s] %(message)s"},
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "format": "%(asctime)s %(levelname)s %(name)s %(request_id)s %(message)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        },
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_id"],
            "formatter": "json" if LOG_FORMAT == "json" else "text",
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {"axes": {"level": "WARNING"}},
}
# GET /metrics (Prometheus) answers only with "Authorization: Bearer <METRICS_TOKEN>"; without
# a token it does not exist (404).
METRICS_TOKEN = os.environ.get("METRICS_TOKEN", "")

# --- Fleksi ---------------------------------------------------------------------------------
FLEKSI_DEMO_PASSWORD = os.environ.get("FLEKSI_DEMO_PASSWORD", "fleksi-demo-2026")
FLEKSI_API_PAGE_SIZE_MAX = 200
FLEKSI_ROSTER_TIME_LIMIT_S = int(os.environ.get("ROSTER_TIME_LIMIT_S", "20"))  # per solve
FLEKSI_BASE_URL = os.environ.get("FLEKSI_BASE_URL", "http://127.0.0.1:8000")  # links in e-mails
# Office readers' files waiting to be imported by the periodic job presence.reader_inbox
# ("": no folder, the job does nothing); docs/presence.md.
FLEKSI_READER_INBOX = os.environ.get("FLEKSI_READER_INBOX", "")
# Audit anchoring (docs/operations.md): the Ed25519 signing key and the checkpoint file the
# periodic job appends to; both empty = no periodic anchoring (``audit_anchor`` still works).
AUDIT_ANCHOR_KEY_FILE = os.environ.get("AUDIT_ANCHOR_KEY_FILE", "")
AUDIT_ANCHOR_FILE = os.environ.get("AUDIT_ANCHOR_FILE", "")
