"""Property tests for identity codes (Hypothesis): every valid code goes through the project's
helpers and python-stdnum unchanged, with its century sign; every broken one is refused."""

import datetime

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from stdnum.fi import hetu

from kohtaanto.jobseekers.identity import (
    CENTURIES,
    CHECK_CHARACTERS,
    InvalidIdentityCodeError,
    identity_code_birth_date,
    identity_code_build,
    identity_code_clean,
    identity_code_decrypt,
    identity_code_digest,
    identity_code_encrypt,
)


@st.composite
def codes(draw):
    birth = draw(st.dates(datetime.date(1800, 1, 1), datetime.date(2099, 12, 31)))
    signs = [s for s, c in CENTURIES.items() if c == (birth.year // 100) * 100]
    sign = draw(st.sampled_from(signs))
    serial = draw(st.integers(900, 999))
    return birth, sign, identity_code_build(birth, serial, sign=sign)


@settings(max_examples=300, deadline=None)
@given(case=codes())
def test_valid_code_round_trips_through_stdnum_and_our_helpers(case):
    birth, sign, code = case
    assert hetu.is_valid(code, allow_temporary=True)
    assert identity_code_clean(f"  {code.lower()} ") == code
    assert code[6] == sign  # the century sign is kept, never normalised
    assert identity_code_birth_date(code) == birth
    assert identity_code_decrypt(identity_code_encrypt(code)) == code
    assert identity_code_digest(code) == identity_code_digest(identity_code_clean(code))


@settings(max_examples=200, deadline=None)
@given(case=codes(), other=st.sampled_from("-YXWVU"))
def test_codes_differing_only_by_century_sign_are_different_people(case, other):
    _birth, sign, code = case
    assume(sign in "-YXWVU" and other != sign)
    twin = code[:6] + other + code[7:]
    assert identity_code_clean(twin) == twin
    assert identity_code_digest(twin) != identity_code_digest(code)


@settings(max_examples=200, deadline=None)
@given(case=codes(), wrong=st.sampled_from(CHECK_CHARACTERS))
def test_wrong_check_character_is_refused(case, wrong):
    _birth, _sign, code = case
    assume(wrong != code[-1])
    with pytest.raises(InvalidIdentityCodeError):
        identity_code_clean(code[:-1] + wrong)


@settings(max_examples=300, deadline=None)
@given(text=st.text(max_size=20))
def test_any_text_is_a_valid_code_or_a_clear_refusal(text):
    try:
        code = identity_code_clean(text)
    except InvalidIdentityCodeError as exc:
        assert exc.message
    else:
        assert hetu.is_valid(code, allow_temporary=True)
