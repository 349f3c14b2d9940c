"""The response details and the greeting's data collection policy through
the Python binding, on RFC 5730's examples."""

from epp_codec import Message
from epp_codec import details as d

from conftest import corpus_file


def test_greeting_policy():
    with Message() as m:
        m.read_greeting(corpus_file("rfc/5730/002-S-s2.4.xml"))
        assert d.dcp_access(m) == d.DcpAccess.ALL
        (st,) = d.dcp_statements(m)
        assert st.purposes == d.PURPOSE_ADMIN | d.PURPOSE_PROVISIONING
        assert st.recipients == d.RECIPIENT_OURS | d.RECIPIENT_PUBLIC
        assert st.retention == d.DcpRetention.STATED
        assert st.descriptions == []
        assert d.dcp_expiry(m) is None


def test_result_values_and_msgq():
    with Message() as m:
        m.read_response(corpus_file("rfc/5730/006-S-s2.6.xml"))
        (value,) = d.result_values(m, 0)
        assert value.startswith("<value") and "2525" in value
        (ext,) = d.result_ext_values(m, 1)
        assert ext.reason == "Invalid character found." and ext.reason_lang is None
        assert d.result_msg_lang(m, 0) is None
        m.read_response(corpus_file("rfc/5730/025-S-s2.9.2.3.xml"))
        assert d.msgq_lang(m) == "en"
        assert d.msgq_xml(m).startswith("Credit balance low.")
