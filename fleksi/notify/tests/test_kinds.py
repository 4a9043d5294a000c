import pytest

from fleksi.notify import kinds
from fleksi.notify.kinds import UnknownKind, all_kinds, get_kind, register_kind


@pytest.fixture
def registry(monkeypatch):
    """A copy of the registry, so that a test's kinds do not leak."""
    monkeypatch.setattr(kinds, "_REGISTRY", dict(kinds._REGISTRY))


def test_the_request_workflow_kinds_are_registered_with_their_defaults():
    # Other apps add their own kinds (``output.*``, ``wfa.*``…); these are notify's.
    defaults = {
        k.code: k.default_email
        for k in all_kinds()
        if k.code.startswith("request.") or k.code == "system"
    }
    assert defaults == {
        "request.submitted": True,
        "request.approved": True,
        "request.rejected": True,
        "request.returned": True,
        "request.recalled": True,
        "request.escalated": True,
        "request.cancelled": False,
        "system": False,
    }


def test_another_app_registers_a_kind(registry):
    kind = register_kind("example.rejected", "Example rejected", default_email=True)
    assert get_kind("example.rejected") == kind
    assert all_kinds()[-1] == kind


def test_registering_the_same_kind_again_is_harmless(registry):
    first = register_kind("example.rejected", "Example rejected", default_email=True)
    assert register_kind("example.rejected", "Example rejected", default_email=True) is first


def test_registering_a_known_code_differently_is_refused(registry):
    with pytest.raises(ValueError, match="already registered"):
        register_kind("request.approved", "Approved", default_email=False)


@pytest.mark.parametrize("code", ["", "Request.Approved", "request..x", "request approved", "1x"])
def test_codes_are_dotted_lower_case_names(registry, code):
    with pytest.raises(ValueError, match="invalid"):
        register_kind(code, "x", default_email=False)


def test_an_unknown_kind_is_an_error():
    with pytest.raises(UnknownKind):
        get_kind("request.teleported")
