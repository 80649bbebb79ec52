"""The `rasoat serve` command (registered by checker/cli.py; Starlette and uvicorn are imported
only when it runs, so other commands start as fast as before)."""
from __future__ import annotations

from typing import Optional

import typer

LOOPBACK_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost"}


def is_loopback(host: str) -> bool:
    import ipaddress

    if host.lower() in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _reach(host: str, port: int) -> list[str]:
    """Addresses at which other machines can reach a server bound to `host`."""
    import ipaddress
    import socket

    if host not in ("0.0.0.0", "::", ""):
        return [f"http://{host}:{port}/"]
    names = set()
    try:
        for info in socket.getaddrinfo(socket.gethostname(), None):
            addr = info[4][0]
            if not ipaddress.ip_address(addr.split("%")[0]).is_loopback:
                names.add(addr)
    except OSError:
        pass
    return [f"http://{a}:{port}/" for a in sorted(names)] or [f"http://{socket.gethostname()}:{port}/"]


def _check_port(host: str, port: int, die) -> None:
    """Stop with a clear message when the address cannot be bound (a port in use, say), before
    any worker is started."""
    import socket

    name = host.strip("[]")
    try:
        infos = socket.getaddrinfo(name, port, type=socket.SOCK_STREAM)
    except OSError as exc:
        die(f"--host {host}: không tìm thấy địa chỉ này ({exc.strerror or exc})")
        return
    family, _, _, _, addr = infos[0]
    try:
        with socket.socket(family, socket.SOCK_STREAM) as s:
            s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            s.bind(addr)
    except OSError as exc:
        die(f"không mở được {host}:{port}: {exc.strerror or exc} (cổng đang được dùng? hãy chọn --port khác)")


def register(app: typer.Typer) -> None:
    @app.command()
    def serve(
        host: str = typer.Option("127.0.0.1", "--host", help="Địa chỉ lắng nghe (mặc định chỉ máy này: 127.0.0.1)."),
        port: int = typer.Option(8765, "--port", help="Cổng."),
        open_browser: bool = typer.Option(False, "--open", help="Mở trang trong trình duyệt."),
        allow_remote: bool = typer.Option(False, "--allow-remote", help="Cho phép lắng nghe trên địa chỉ không phải loopback (máy khác truy cập được)."),
        workers: Optional[int] = typer.Option(None, "--workers", help="Số tiến trình rà soát (mặc định: số lõi CPU)."),
        config: Optional[str] = typer.Option(None, "--config", help="Tệp cấu hình (mặc định: rasoat.toml / pyproject.toml gần thư mục hiện tại)."),
    ):
        """Mở trang web cục bộ để rà soát dự thảo (và API HTTP); không văn bản nào rời khỏi máy."""
        import os

        from ..cli import _die

        if not is_loopback(host) and not allow_remote:
            _die(f"--host {host} không phải loopback: mọi máy trong mạng đều gửi được văn bản tới đây; "
                 "thêm --allow-remote nếu đó là điều bạn muốn (refusing a non-loopback address without --allow-remote)")
        if not 0 < port < 65536:
            _die(f"--port không hợp lệ: {port}")
        if workers is not None and workers < 1:
            _die("--workers phải ≥ 1")
        try:
            import uvicorn

            from .app import create_app
        except ImportError as exc:
            _die(f"'rasoat serve' cần phần cài thêm serve: pip install \"rasoat[serve]\" (thiếu {exc.name})")
        from ..config import config_for
        from ..errors import ConfigError

        try:
            cfg = config_for(os.path.join(os.getcwd(), "du-thao.txt"), config)
        except ConfigError as exc:
            _die(str(exc))
        _check_port(host, port, _die)
        application = create_app(cfg, workers)
        shown = f"[{host}]" if ":" in host else host
        url = f"http://{'127.0.0.1' if host in ('0.0.0.0', '::') else shown}:{port}/"
        typer.echo(f"rasoat serve: {url} (Ctrl+C để dừng)")
        if not is_loopback(host):
            typer.echo("rasoat serve: CẢNH BÁO — mọi máy truy cập được các địa chỉ sau đều gửi được văn bản tới đây "
                       "(WARNING: reachable by any machine that can reach):")
            for a in _reach(host, port):
                typer.echo(f"    {a}")
        if open_browser:
            import threading
            import webbrowser

            threading.Timer(1.5, webbrowser.open, args=(url,)).start()
        try:
            uvicorn.run(application, host=host, port=port, log_level="warning", access_log=False,
                        limit_concurrency=64 * (workers or os.cpu_count() or 1))
        except OSError as exc:
            _die(f"không mở được {host}:{port}: {exc.strerror or exc}")
