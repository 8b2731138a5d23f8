import pytest


@pytest.fixture(autouse=True)
def _sms_settings(settings):
    settings.BALAI_SMS_WEBHOOK_SECRET = "test-webhook-secret"
    settings.BALAI_SMSGATE_SIGNING_KEY = "test-smsgate-key"
    settings.BALAI_SMS_RETRY_BASE_SECONDS = 0
    # With no backoff, a reply to a dead gateway would be retried without pause for the whole
    # window inside one worker run: tests that want retries set the window and a base.
    settings.BALAI_SMS_RETRY_WINDOW_SECONDS = 0
