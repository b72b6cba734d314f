//! Which text format a scrape gets (CONTRACT §17): OpenMetrics for a
//! client that accepts `application/openmetrics-text` (Prometheus asks
//! for it first, with the text format 0.0.4 as its fallback), the text
//! format 0.0.4 for any other, as Prometheus' Go client decides.
//!
//! Hand-written: an `Accept` header is a list of media ranges with `q`
//! weights, and this needs only the two weights; a crate for it would
//! bring a whole MIME parser into the binary.

use crate::render::metrics::Format;

/// The format for a request with this `Accept` header (None: no header).
/// OpenMetrics when the client names it with a weight above 0, and does
/// not weigh the text format (`text/plain`, `text/*`, `*/*`) higher.
pub fn format(accept: Option<&str>) -> Format {
    let Some(accept) = accept else {
        return Format::Text;
    };
    let (mut openmetrics, mut text) = (0.0_f64, 0.0_f64);
    for range in accept.split(',') {
        let mut parts = range.split(';');
        let media = parts.next().unwrap_or_default().trim().to_ascii_lowercase();
        let weight = parts
            .filter_map(|p| p.split_once('='))
            .find(|(name, _)| name.trim().eq_ignore_ascii_case("q"))
            .map_or(Some(1.0), |(_, q)| q.trim().parse::<f64>().ok())
            .filter(|q| q.is_finite())
            .unwrap_or(0.0)
            .clamp(0.0, 1.0);
        match media.as_str() {
            "application/openmetrics-text" => openmetrics = openmetrics.max(weight),
            "text/plain" | "text/*" | "*/*" => text = text.max(weight),
            _ => {}
        }
    }
    if openmetrics > 0.0 && openmetrics >= text {
        Format::OpenMetrics
    } else {
        Format::Text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prometheus_gets_openmetrics_and_others_the_text_format() {
        // Prometheus 2.x and 3.x scrape_protocols' defaults.
        let prometheus = "application/openmetrics-text;version=1.0.0,application/openmetrics-text;\
                          version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1";
        assert_eq!(format(Some(prometheus)), Format::OpenMetrics);
        assert_eq!(
            format(Some("application/openmetrics-text; version=1.0.0")),
            Format::OpenMetrics
        );
        for other in [
            None,
            Some(""),
            Some("*/*"),
            Some("text/plain;version=0.0.4"),
            Some("text/plain; version=0.0.4; q=1, application/openmetrics-text; q=0.5"),
            Some("application/openmetrics-text;q=0"),
            Some("application/openmetrics-text;q=nonsense"),
            Some("application/json"),
        ] {
            assert_eq!(format(other), Format::Text, "{other:?}");
        }
        assert_eq!(
            format(Some("APPLICATION/OpenMetrics-Text;Q=0.9, text/plain;q=0.9")),
            Format::OpenMetrics
        );
    }
}
