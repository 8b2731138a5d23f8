import pytest


@pytest.fixture(autouse=True)
def _sms_settings(settings):
    settings.BALAI_SMS_WEBHOOK_SECRET = "test-webhook-secret"
    settings.BALAI_SMSGATE_SIGNING_KEY = "test-smsgate-key"
    settings.BALAI_SMS_RETRY_BASE_SECONDS = 0
