from django.apps import AppConfig


class PPIDConfig(AppConfig):
    """Public information (UU 14/2008): DIP, requests, objections, reports."""

    name = "balai.ppid"
    label = "ppid"
    verbose_name = "PPID"
    # Every OPD keeps its own DIP. Requests are not model permissions: access to them follows the
    # PetugasPPID roles (balai.ppid.selectors.visible_requests).
    opd_operator_permissions = [
        "ppid.add_informasipublik",
        "ppid.change_informasipublik",
        "ppid.view_informasipublik",
    ]
    opd_admin_permissions = ["ppid.delete_informasipublik"]

    def ready(self):
        from balai.adminui.twofactor import require_for
        from balai.opd import access
        from balai.ppid import selectors
        from balai.ppid.models import (
            AksesLog,
            InformasiPublik,
            Keberatan,
            Lampiran,
            Permohonan,
            PetugasPPID,
        )

        access.register(InformasiPublik, opd_lookup="opd")
        access.register(PetugasPPID, opd_lookup="opd")
        access.register(Permohonan, rule=selectors.officer_scope)
        for model in (Keberatan, Lampiran, AksesLog):
            access.register(model, rule=selectors.via_request)
        # PPID officers handle personal data (NIK, addresses): a second factor is required.
        require_for(lambda user: PetugasPPID.objects.filter(user=user, aktif=True).exists())
