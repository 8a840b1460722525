"""Handing a stored message to the outside world: an SMTP server, or a folder of .eml files.

A transport either returns (the message was accepted) or raises one of three errors that decide what
the outbox does next:
- `ServerUnavailable`: the server cannot be reached or refuses us (connection refused, timeout, TLS or
  login failure). Nothing is wrong with the message; every message waits for the server.
- `TransientRejection`: the server answered 4xx for this message, or the connection broke while it was
  being sent. Retried with backoff, failed after `[alerts] max_attempts`.
- `PermanentRejection`: the server answered 5xx for this message. Not retried; shown to the admin.
Error texts never contain the password (it is registered with the redactor and never formatted in).
"""

from __future__ import annotations

import logging
import os
import re
import smtplib
import socket
import ssl
import tempfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Protocol

from monitor.config.model import Config
from monitor.errors import MonitorError
from monitor.secrets import read_secret, redact

log = logging.getLogger(__name__)
ERROR_LIMIT = 500


class DeliveryError(Exception):
    """Why a message was not accepted, in words an admin understands (already redacted)."""

    def __init__(self, message: str, code: int | None = None) -> None:
        self.code = code
        super().__init__(redact(message)[:ERROR_LIMIT])


class ServerUnavailable(DeliveryError):
    """The server, not the message: try again later, for every message."""


class TransientRejection(DeliveryError):
    """This message was refused for now (4xx) or interrupted: retry with backoff."""


class PermanentRejection(DeliveryError):
    """This message was refused for good (5xx): stop retrying, tell the admin."""


@dataclass(frozen=True)
class Outgoing:
    """What a transport needs of an outbox row."""

    message_id: str
    kind: str
    sender: str
    recipients: list[str]
    raw: bytes
    created_at: datetime


@dataclass
class Accepted:
    """The server took the message; `refused` lists recipients it declined (partial delivery)."""

    refused: dict[str, str] = field(default_factory=dict)


class Transport(Protocol):
    def send(self, msg: Outgoing) -> Accepted: ...

    def close(self) -> None: ...


def open_transport(config: Config) -> Transport:
    """The transport `[email] transport` names. Connections are opened lazily, on the first send."""
    if config.email.transport == "file":
        return FileTransport(config.email.outbox_dir)
    return SmtpTransport(config)


class FileTransport:
    """Writes one RFC 5322 .eml per message. The file name comes from the Message-ID, so writing a
    message again after a crash replaces the same file instead of adding a second one."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)

    def path_for(self, msg: Outgoing) -> Path:
        token = re.sub(r"[^A-Za-z0-9._-]", "", msg.message_id.strip("<>").split("@", 1)[0])[:80]
        return self.folder / f"{msg.created_at:%Y%m%d-%H%M%S}-{msg.kind}-{token}.eml"

    def send(self, msg: Outgoing) -> Accepted:
        target = self.path_for(msg)
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".writing-", suffix=".eml", dir=self.folder)
            try:
                with os.fdopen(fd, "wb") as fh:
                    fh.write(msg.raw)
                    fh.flush()
                    os.fsync(fh.fileno())
                os.replace(tmp, target)  # atomic: a reader sees the whole message or none
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
        except OSError as exc:
            raise ServerUnavailable(f"cannot write to the outbox folder {self.folder}: {exc.strerror or exc}") from None
        return Accepted()

    def close(self) -> None:
        pass


class SmtpTransport:
    """One SMTP conversation reused for every message of a delivery pass."""

    def __init__(self, config: Config) -> None:
        self.config = config
        self.email = config.email
        self._smtp: smtplib.SMTP | None = None

    # -- connection -------------------------------------------------------------------------------

    def _password(self) -> str | None:
        e = self.email
        try:
            return read_secret(e.password_env, e.password_file, config_file=self.config.source, key="email.password")
        except MonitorError as exc:
            raise ServerUnavailable(str(exc)) from None

    def _connect(self) -> smtplib.SMTP:
        e = self.email
        where = f"{e.host}:{e.port}"
        try:
            context = ssl.create_default_context()
            if e.security == "ssl":
                smtp: smtplib.SMTP = smtplib.SMTP_SSL(e.host, e.port, timeout=e.timeout, context=context)
            else:
                smtp = smtplib.SMTP(e.host, e.port, timeout=e.timeout)
        except (ConnectionRefusedError, socket.gaierror) as exc:
            raise ServerUnavailable(f"the mail server {where} cannot be reached ({_os_reason(exc)})") from None
        except (TimeoutError, socket.timeout):
            raise ServerUnavailable(f"the mail server {where} did not answer within {e.timeout:g} s") from None
        except ssl.SSLError as exc:
            raise ServerUnavailable(f"TLS with the mail server {where} failed ({exc.reason or exc})") from None
        except smtplib.SMTPConnectError as exc:
            raise ServerUnavailable(f"the mail server {where} refused the connection ({_reply(exc)})", exc.smtp_code) from None
        except (OSError, smtplib.SMTPException) as exc:
            raise ServerUnavailable(f"the mail server {where} cannot be reached ({_os_reason(exc)})") from None
        try:
            smtp.ehlo()
            if e.security == "starttls":
                if not smtp.has_extn("starttls"):
                    raise ServerUnavailable(f"the mail server {where} does not offer STARTTLS (set [email] security)")
                smtp.starttls(context=context)
                smtp.ehlo()
            if e.username:
                password = self._password()
                if password is None:
                    raise ServerUnavailable("[email] username is set but neither password_env nor password_file is")
                try:
                    smtp.login(e.username, password)
                except smtplib.SMTPNotSupportedError:
                    raise ServerUnavailable(
                        f"the mail server {where} does not offer a login (AUTH) on this connection; "
                        "check [email] security (it may require starttls) or leave username empty"
                    ) from None
                except smtplib.SMTPAuthenticationError as exc:
                    # The server's text may echo what we sent; only its code is shown.
                    raise ServerUnavailable(
                        f"the mail server {where} refused the login for user {e.username!r} ({exc.smtp_code}); "
                        "check [email] username and the password",
                        exc.smtp_code,
                    ) from None
        except ServerUnavailable:
            _quietly_close(smtp)
            raise
        except ssl.SSLError as exc:
            _quietly_close(smtp)
            raise ServerUnavailable(f"TLS with the mail server {where} failed ({exc.reason or exc})") from None
        except smtplib.SMTPResponseException as exc:
            _quietly_close(smtp)
            raise ServerUnavailable(f"the mail server {where} refused us ({_reply(exc)})", exc.smtp_code) from None
        except (OSError, smtplib.SMTPException) as exc:
            _quietly_close(smtp)
            raise ServerUnavailable(f"the conversation with the mail server {where} broke ({_os_reason(exc)})") from None
        return smtp

    def _ready(self) -> smtplib.SMTP:
        if self._smtp is not None:
            try:
                if self._smtp.noop()[0] == 250:
                    return self._smtp
            except (OSError, smtplib.SMTPException):
                pass
            _quietly_close(self._smtp)
            self._smtp = None
        self._smtp = self._connect()
        return self._smtp

    # -- sending ----------------------------------------------------------------------------------

    def send(self, msg: Outgoing) -> Accepted:
        smtp = self._ready()
        try:
            refused = smtp.sendmail(msg.sender, msg.recipients, msg.raw)
        except smtplib.SMTPRecipientsRefused as exc:
            codes = {addr: code for addr, (code, _text) in exc.recipients.items()}
            detail = "; ".join(f"{addr}: {_reply_parts(code, text)}" for addr, (code, text) in exc.recipients.items())
            if any(400 <= c < 500 for c in codes.values()):
                raise TransientRejection(f"recipients refused for now: {detail}", min(codes.values())) from None
            raise PermanentRejection(f"recipients refused: {detail}", min(codes.values())) from None
        except smtplib.SMTPResponseException as exc:
            if exc.smtp_code == 421:  # the server is closing the conversation
                self._drop()
            if 400 <= exc.smtp_code < 500:
                raise TransientRejection(f"the mail server deferred the message ({_reply(exc)})", exc.smtp_code) from None
            raise PermanentRejection(f"the mail server rejected the message ({_reply(exc)})", exc.smtp_code) from None
        except smtplib.SMTPNotSupportedError as exc:
            raise PermanentRejection(f"the mail server cannot take this message ({exc})") from None
        except (OSError, smtplib.SMTPException) as exc:
            self._drop()
            raise TransientRejection(f"the connection broke while sending ({_os_reason(exc)})") from None
        return Accepted({addr: _reply_parts(code, text) for addr, (code, text) in refused.items()})

    def _drop(self) -> None:
        if self._smtp is not None:
            _quietly_close(self._smtp)
            self._smtp = None

    def close(self) -> None:
        if self._smtp is not None:
            try:
                self._smtp.quit()
            except (OSError, smtplib.SMTPException):
                pass
            _quietly_close(self._smtp)
            self._smtp = None


def _reply_parts(code: int, text: bytes | str) -> str:
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    text = " ".join(str(text).split())[:200]
    return f"{code} {text}".strip()


def _reply(exc: smtplib.SMTPResponseException) -> str:
    return _reply_parts(exc.smtp_code, exc.smtp_error)


def _os_reason(exc: BaseException) -> str:
    if isinstance(exc, (TimeoutError, socket.timeout)):
        return "timed out"
    if isinstance(exc, ConnectionRefusedError):
        return "connection refused"
    reason = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
    return str(reason)


def _quietly_close(smtp: smtplib.SMTP) -> None:
    try:
        smtp.close()
    except Exception:  # closing a broken socket: nothing left to do
        pass
