//! `--ca-cert` and `ca_cert` against a real TLS server on 127.0.0.1 whose
//! certificate is signed by a test CA (tests/fixtures/tls): refused without
//! the CA, trusted with it. And HTTPS_PROXY, through a CONNECT proxy.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;

use crate::common::*;
use rustls_pki_types::pem::PemObject;
use rustls_pki_types::{CertificateDer, PrivateKeyDer};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/tls")
        .join(name)
}

/// A minimal HTTPS server answering every request with a finished Feldera
/// token. Runs on its own thread for the rest of the test process.
fn tls_server() -> SocketAddr {
    let _ = rustls::crypto::ring::default_provider().install_default();
    let certs = CertificateDer::pem_file_iter(fixture("server.pem"))
        .unwrap()
        .collect::<Result<Vec<_>, _>>()
        .unwrap();
    let key = PrivateKeyDer::from_pem_file(fixture("server.key")).unwrap();
    let config = rustls::ServerConfig::builder()
        .with_no_client_auth()
        .with_single_cert(certs, key)
        .unwrap();
    let acceptor = tokio_rustls::TlsAcceptor::from(Arc::new(config));
    serve(move |tcp| {
        let acceptor = acceptor.clone();
        async move {
            let Ok(mut tls) = acceptor.accept(tcp).await else {
                return;
            };
            if read_head(&mut tls).await.is_none() {
                return;
            }
            let body = r#"{"status":"complete","step":7}"#;
            let response = format!(
                "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
                body.len()
            );
            let _ = tls.write_all(response.as_bytes()).await;
            let _ = tls.shutdown().await;
        }
    })
}

/// Serve connections on 127.0.0.1 from a thread of its own, for the rest
/// of the test process, handing each to `handle`.
fn serve<F, Fut>(handle: F) -> SocketAddr
where
    F: Fn(tokio::net::TcpStream) -> Fut + Send + 'static,
    Fut: std::future::Future<Output = ()> + Send + 'static,
{
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    listener.set_nonblocking(true).unwrap();
    std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        rt.block_on(async move {
            let listener = tokio::net::TcpListener::from_std(listener).unwrap();
            loop {
                let Ok((tcp, _)) = listener.accept().await else {
                    continue;
                };
                tokio::spawn(handle(tcp));
            }
        });
    });
    addr
}

/// Read an HTTP request head, up to its blank line; None if the peer left.
async fn read_head(stream: &mut (impl AsyncReadExt + Unpin)) -> Option<String> {
    let mut buf = vec![0u8; 8192];
    let mut read = 0;
    while !buf[..read].windows(4).any(|w| w == b"\r\n\r\n") {
        match stream.read(&mut buf[read..]).await {
            Ok(0) | Err(_) => return None,
            Ok(n) => read += n,
        }
    }
    Some(String::from_utf8_lossy(&buf[..read]).into_owned())
}

#[test]
fn private_ca_is_refused_without_ca_cert() {
    let addr = tls_server();
    let home = home();
    let (code, stdout, stderr) = run(bin(home.path())
        .env("FELDERA_HOST", format!("https://localhost:{}", addr.port()))
        .args(["feldera", "token", "p", "t", "--retries", "0"]));
    assert_eq!(code, 9, "{stdout}{stderr}");
    assert!(stdout.to_lowercase().contains("certificate"), "{stdout}");
}

#[test]
fn ca_cert_flag_trusts_the_private_ca() {
    let addr = tls_server();
    let home = home();
    let (code, stdout, stderr) = run(bin(home.path())
        .env("FELDERA_HOST", format!("https://localhost:{}", addr.port()))
        .env("FELDERA_API_KEY", KEY)
        .arg("--ca-cert")
        .arg(fixture("ca.pem"))
        .args(["feldera", "token", "p", "t"]));
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(stdout.contains("complete"), "{stdout}");
}

/// Behind a TLS-inspecting proxy, curl and gh trust the company's CA
/// through the system store or `SSL_CERT_FILE`: so does pipewatch.
#[test]
fn ssl_cert_file_trusts_the_private_ca() {
    let addr = tls_server();
    let home = home();
    let (code, stdout, stderr) = run(bin(home.path())
        .env("FELDERA_HOST", format!("https://localhost:{}", addr.port()))
        .env("SSL_CERT_FILE", fixture("ca.pem"))
        .args(["feldera", "token", "p", "t"]));
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(stdout.contains("complete"), "{stdout}");
}

/// `SSL_CERT_DIR`: a directory of PEM files, as OpenSSL's `c_rehash` makes.
#[test]
fn ssl_cert_dir_trusts_the_private_ca() {
    let addr = tls_server();
    let home = home();
    let dir = home.path().join("certs");
    std::fs::create_dir(&dir).unwrap();
    std::fs::copy(fixture("ca.pem"), dir.join("company-ca.pem")).unwrap();
    let (code, stdout, stderr) = run(bin(home.path())
        .env("FELDERA_HOST", format!("https://localhost:{}", addr.port()))
        .env("SSL_CERT_DIR", &dir)
        .args(["feldera", "token", "p", "t"]));
    assert_eq!(code, 0, "{stdout}{stderr}");
}

#[test]
fn ca_cert_from_config_trusts_the_private_ca() {
    let addr = tls_server();
    let home = home();
    let path = config(
        home.path(),
        &format!(
            "[profiles.default.feldera]\nbase_url = \"https://127.0.0.1:{}\"\nca_cert = {:?}\n",
            addr.port(),
            fixture("ca.pem").display().to_string()
        ),
    );
    let (code, stdout, stderr) = run(bin(home.path())
        .arg("--config")
        .arg(&path)
        .args(["feldera", "token", "p", "t"]));
    assert_eq!(code, 0, "{stdout}{stderr}");
}

/// A CONNECT proxy, as HTTPS_PROXY points at: it records each request head
/// it gets, then joins the client to 127.0.0.1 on the port asked for.
fn connect_proxy() -> (SocketAddr, Arc<std::sync::Mutex<Vec<String>>>) {
    let heads = Arc::new(std::sync::Mutex::new(Vec::new()));
    let seen = Arc::clone(&heads);
    let addr = serve(move |mut client| {
        let seen = Arc::clone(&seen);
        async move {
            let Some(head) = read_head(&mut client).await else {
                return;
            };
            seen.lock().unwrap().push(head.clone());
            // "CONNECT host:port HTTP/1.1"
            let port = head
                .split_whitespace()
                .nth(1)
                .and_then(|authority| authority.rsplit_once(':'))
                .and_then(|(_, port)| port.parse::<u16>().ok());
            let (true, Some(port)) = (head.starts_with("CONNECT "), port) else {
                let _ = client
                    .write_all(b"HTTP/1.1 405 Method Not Allowed\r\n\r\n")
                    .await;
                return;
            };
            let Ok(mut upstream) = tokio::net::TcpStream::connect(("127.0.0.1", port)).await else {
                let _ = client.write_all(b"HTTP/1.1 502 Bad Gateway\r\n\r\n").await;
                return;
            };
            let _ = client
                .write_all(b"HTTP/1.1 200 Connection established\r\n\r\n")
                .await;
            let _ = tokio::io::copy_bidirectional(&mut client, &mut upstream).await;
        }
    });
    (addr, heads)
}

#[test]
fn https_proxy_tunnels_with_connect_and_never_sees_the_key() {
    let server = tls_server();
    let (proxy, heads) = connect_proxy();
    let home = home();
    let (code, stdout, stderr) = run(bin(home.path())
        .env(
            "FELDERA_HOST",
            format!("https://localhost:{}", server.port()),
        )
        .env("FELDERA_API_KEY", KEY)
        .env("HTTPS_PROXY", format!("http://{proxy}"))
        .arg("--ca-cert")
        .arg(fixture("ca.pem"))
        .args(["feldera", "token", "p", "t"]));
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(stdout.contains("complete"), "{stdout}");
    let tunnels = heads.lock().unwrap().clone();
    assert_eq!(tunnels.len(), 1, "{tunnels:?}");
    assert!(
        tunnels[0].starts_with(&format!("CONNECT localhost:{} ", server.port())),
        "{tunnels:?}"
    );
    // The request, and its Authorization header, travel inside the tunnel.
    assert!(!tunnels[0].contains(KEY) && !tunnels[0].contains("completion_status"));

    // NO_PROXY names the host: no tunnel.
    let (code, _, stderr) = run(bin(home.path())
        .env(
            "FELDERA_HOST",
            format!("https://localhost:{}", server.port()),
        )
        .env("HTTPS_PROXY", format!("http://{proxy}"))
        .env("NO_PROXY", "localhost")
        .arg("--ca-cert")
        .arg(fixture("ca.pem"))
        .args(["feldera", "token", "p", "t"]));
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(heads.lock().unwrap().len(), 1, "NO_PROXY was not honoured");
}
