from django.core import mail
from django.urls import reverse

from balai.pemantauan.models import Digest, MonitoringSettings
from balai.pemantauan.services import compute_scorecards
from balai.pemantauan.tasks import weekly_digest_task

from .helpers import publish_news


def test_weekly_digests_and_reminder_go_through_the_queue(
    opd_a, opd_b, admin_a, make_user, kominfo, run_tasks, client_as
):
    make_user("admin-beta", opd_b, role="admin")
    publish_news(opd_a, "Kabar baru")
    publish_news(opd_b, "Kabar usang", days_ago=45)
    compute_scorecards()
    weekly_digest_task.enqueue()
    run_tasks()  # runs the digest task, which queues the e-mails
    run_tasks()  # sends them
    subjects = sorted(m.subject for m in mail.outbox)
    assert any("Ringkasan mingguan situs Alfa" in s for s in subjects)
    assert any("Ringkasan mingguan situs OPD" in s for s in subjects)
    reminders = [m for m in mail.outbox if m.subject.startswith("Pengingat")]
    assert [m.to for m in reminders] == [["admin-beta@example.go.id"]]
    assert "45 hari" in reminders[0].body
    beta = next(m for m in mail.outbox if "situs Beta" in m.subject and "Ringkasan" in m.subject)
    assert "belum ada publikasi baru selama 45 hari" in beta.body
    assert "Tiga hal yang perlu diperbaiki" in beta.body
    assert Digest.objects.filter(kind="city").count() == 1

    digest = Digest.objects.get(kind="weekly", opd=opd_a)
    client = client_as(kominfo)
    assert digest.subject in client.get(reverse("pemantauan_digests")).content.decode()
    assert "Kabar" not in digest.recipients
    assert client.get(reverse("pemantauan_digest", args=[digest.pk])).status_code == 200


def test_stale_threshold_is_configurable(opd_a, admin_a, run_tasks):
    from balai.pemantauan.digests import send_stale_reminders

    publish_news(opd_a, "Kabar", days_ago=10)
    compute_scorecards()
    assert send_stale_reminders() == []
    conf = MonitoringSettings.load()
    conf.stale_days = 7
    conf.save()
    assert len(send_stale_reminders()) == 1
    run_tasks()
    assert [m.to for m in mail.outbox] == [["admin-alfa@example.go.id"]]
