//! `--ca-cert` and `ca_cert` against a real TLS server on 127.0.0.1 whose
//! certificate is signed by a test CA (tests/fixtures/tls): refused without
//! the CA, trusted with it.

mod common;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;

use common::*;
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
                let Ok((tcp, _)) = listener.accept().await else { continue };
                let acceptor = acceptor.clone();
                tokio::spawn(async move {
                    let Ok(mut tls) = acceptor.accept(tcp).await else { return };
                    let mut buf = vec![0u8; 8192];
                    let mut read = 0;
                    while !buf[..read].windows(4).any(|w| w == b"\r\n\r\n") {
                        match tls.read(&mut buf[read..]).await {
                            Ok(0) | Err(_) => return,
                            Ok(n) => read += n,
                        }
                    }
                    let body = r#"{"status":"complete","step":7}"#;
                    let response = format!(
                        "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
                        body.len()
                    );
                    let _ = tls.write_all(response.as_bytes()).await;
                    let _ = tls.shutdown().await;
                });
            }
        });
    });
    addr
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
