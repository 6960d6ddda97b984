"""Overturn's own PHI recognizers, one per file; `letter_recognizers()` builds the set every redactor uses."""

from __future__ import annotations

from presidio_analyzer import EntityRecognizer

from graph.redaction.recognizers.age_over_89 import AgeOver89Recognizer
from graph.redaction.recognizers.auth_number import AuthNumberRecognizer
from graph.redaction.recognizers.claim_number import ClaimNumberRecognizer
from graph.redaction.recognizers.context_names import ContextNamesRecognizer
from graph.redaction.recognizers.cued_address import CuedAddressRecognizer
from graph.redaction.recognizers.cued_names import CuedNamesRecognizer
from graph.redaction.recognizers.cued_phone import CuedPhoneRecognizer
from graph.redaction.recognizers.dialogue_speakers import DialogueSpeakersRecognizer
from graph.redaction.recognizers.dob import DobRecognizer
from graph.redaction.recognizers.foreign_street import ForeignStreetRecognizer
from graph.redaction.recognizers.group_number import GroupNumberRecognizer
from graph.redaction.recognizers.known_values import KnownValue, KnownValuesRecognizer
from graph.redaction.recognizers.letter_names import LetterNamesRecognizer
from graph.redaction.recognizers.listed_names import ListedNamesRecognizer
from graph.redaction.recognizers.member_id import MemberIdRecognizer
from graph.redaction.recognizers.mrn import MrnRecognizer
from graph.redaction.recognizers.npi import NpiRecognizer
from graph.redaction.recognizers.org_tagged_names import OrgTaggedNamesRecognizer
from graph.redaction.recognizers.phone_fax import PhoneFaxRecognizer
from graph.redaction.recognizers.reference_number import ReferenceNumberRecognizer
from graph.redaction.recognizers.ssn import SsnRecognizer
from graph.redaction.recognizers.street_corner import StreetCornerRecognizer
from graph.redaction.recognizers.us_address import UsAddressRecognizer

__all__ = ["KnownValue", "KnownValuesRecognizer", "letter_recognizers"]


def letter_recognizers() -> list[EntityRecognizer]:
    """Fresh instances of every recognizer that needs no per-case data (known values are added per case)."""
    return [
        MemberIdRecognizer(),
        GroupNumberRecognizer(),
        ClaimNumberRecognizer(),
        ReferenceNumberRecognizer(),
        AuthNumberRecognizer(),
        MrnRecognizer(),
        NpiRecognizer(),
        SsnRecognizer(),
        DobRecognizer(),
        AgeOver89Recognizer(),
        LetterNamesRecognizer(),
        CuedNamesRecognizer(),
        ContextNamesRecognizer(),
        DialogueSpeakersRecognizer(),
        ListedNamesRecognizer(),
        OrgTaggedNamesRecognizer(),
        UsAddressRecognizer(),
        CuedAddressRecognizer(),
        ForeignStreetRecognizer(),
        StreetCornerRecognizer(),
        PhoneFaxRecognizer(),
        CuedPhoneRecognizer(),
    ]
