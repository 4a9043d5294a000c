"""Public-service figures (capability C9): services and their standards, daily figures,
complaints, satisfaction surveys (IKM), and the safeguard's alerts."""

from fleksi.servicelevel.models.catalogue import PublicService, ServiceLevelConfig, Source
from fleksi.servicelevel.models.feedback import Complaint, SatisfactionSurvey
from fleksi.servicelevel.models.figures import ServiceDaily
from fleksi.servicelevel.models.safeguard import SafeguardAlert

__all__ = [
    "Complaint",
    "PublicService",
    "SafeguardAlert",
    "SatisfactionSurvey",
    "ServiceDaily",
    "ServiceLevelConfig",
    "Source",
]
