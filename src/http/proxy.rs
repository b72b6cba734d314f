//! The proxies of the environment, as curl reads them, for what reqwest
//! does not do: `NO_PROXY=*` for IP hosts, and naming the proxy when it is
//! the proxy that cannot be reached.

use hyper_util::client::proxy::matcher::Matcher;
use url::Url;

use crate::util::env::Env;

/// Which proxy a URL goes through; None when `NO_PROXY=*` turned them off.
pub struct Proxies(Option<Matcher>);

impl Proxies {
    /// The proxies `HTTPS_PROXY`, `HTTP_PROXY`, `ALL_PROXY` and `NO_PROXY`
    /// (and their lower-case forms) say, as reqwest's `system-proxy` reads
    /// them (the same hyper-util matcher).
    pub fn from_env(env: Env<'_>) -> Proxies {
        Proxies((!every_proxy_bypassed(env)).then(Matcher::from_env))
    }

    /// `NO_PROXY=*`: the client must use no proxy at all.
    pub fn bypassed(&self) -> bool {
        self.0.is_none()
    }

    /// `host:port` of the proxy a request to `url` goes through, if any
    /// (never its user name or password).
    pub fn for_url(&self, url: &Url) -> Option<String> {
        let uri: hyper::Uri = url.as_str().parse().ok()?;
        let intercept = self.0.as_ref()?.intercept(&uri)?;
        let proxy = intercept.uri();
        let port = proxy.port_u16().unwrap_or(match proxy.scheme_str() {
            Some("https") => 443,
            Some("socks5" | "socks5h") => 1080,
            _ => 80,
        });
        Some(format!("{}:{port}", proxy.host()?))
    }
}

/// `NO_PROXY=*` (or `*` in its list): no proxy for any host, as curl
/// says. reqwest's matcher (hyper-util 0.1) checks `*` against host names
/// only, never against an IP address such as 127.0.0.1, so the proxies
/// are turned off instead.
fn every_proxy_bypassed(env: Env<'_>) -> bool {
    env("NO_PROXY")
        .or_else(|| env("no_proxy"))
        .is_some_and(|list| list.split(',').any(|host| host.trim() == "*"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lone_star_in_no_proxy_bypasses_every_proxy() {
        let env =
            |value: &'static str| move |name: &str| (name == "NO_PROXY").then(|| value.to_owned());
        assert!(every_proxy_bypassed(&env("*")));
        assert!(every_proxy_bypassed(&env("example.com, *")));
        assert!(!every_proxy_bypassed(&env("*.example.com")));
        assert!(!every_proxy_bypassed(&|_: &str| None));
    }
}
