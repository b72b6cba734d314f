//! Whether a URL points at this machine. A leaf module: settings ask it
//! before letting a key travel over plain HTTP.

use url::Url;

/// Whether a URL's host is this machine: credentials may go there in clear.
pub fn is_loopback(url: &Url) -> bool {
    match url.host() {
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        Some(url::Host::Domain(host)) => {
            let host = host.trim_end_matches('.').to_ascii_lowercase();
            host == "localhost" || host.ends_with(".localhost")
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loopback_hosts() {
        let l = |s: &str| is_loopback(&Url::parse(s).unwrap());
        assert!(l("http://127.0.0.1:8080"));
        assert!(l("http://127.9.9.9"));
        assert!(l("http://[::1]:1"));
        assert!(l("http://localhost"));
        assert!(l("http://LOCALHOST."));
        assert!(l("http://api.localhost"));
        assert!(!l("http://localhost.example.com"));
        assert!(!l("http://10.0.0.1"));
        assert!(!l("http://example.com"));
    }
}
