//! Exports that keep the evidence: the timeline as SVG (vector) and PNG (rendered from that SVG
//! with the app's own font, so it looks like the screen), an HTML briefing in one self-contained
//! file, a Markdown briefing with footnoted citations, CSV, and TimelineJS JSON (export and
//! import, the format newsrooms publish with).

use crate::core::article::Article;
use crate::core::document::{Document, Event, Evidence, Stance};
use crate::core::layout;
use crate::core::theme;
use crate::core::view::{focus_bounds, marker_x, span};
use chrono::NaiveDate;
use std::fmt::Write as _;

/// An export format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// The timeline as a PNG image.
    Png,
    /// The timeline as SVG.
    Svg,
    /// A self-contained HTML briefing.
    Html,
    /// A Markdown briefing with footnotes.
    Markdown,
    /// One row per event.
    Csv,
    /// TimelineJS JSON.
    TimelineJs,
}

impl Format {
    /// Every format, for menus.
    pub const ALL: [Format; 6] = [
        Format::Png,
        Format::Svg,
        Format::Html,
        Format::Markdown,
        Format::Csv,
        Format::TimelineJs,
    ];

    /// The name used on the command line and in menus.
    pub fn name(self) -> &'static str {
        match self {
            Format::Png => "png",
            Format::Svg => "svg",
            Format::Html => "html",
            Format::Markdown => "md",
            Format::Csv => "csv",
            Format::TimelineJs => "timelinejs",
        }
    }

    /// The file extension.
    pub fn extension(self) -> &'static str {
        match self {
            Format::TimelineJs => "json",
            other => other.name(),
        }
    }

    /// The format called `name` ("png", "markdown", …).
    pub fn parse(name: &str) -> Option<Self> {
        let name = name.to_ascii_lowercase();
        Self::ALL
            .into_iter()
            .find(|f| f.name() == name || (name == "markdown" && *f == Format::Markdown))
    }
}

/// Why an export or import failed.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The image could not be made.
    #[error("cannot render the image: {0}")]
    Render(String),
    /// The CSV could not be written.
    #[error("cannot write CSV: {0}")]
    Csv(#[from] csv::Error),
    /// Not TimelineJS JSON.
    #[error("not TimelineJS JSON: {0}")]
    NotTimelineJs(String),
}

/// The look of the timeline image.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ImageOptions {
    /// Width in points (the PNG has `width × scale` pixels).
    pub width: f64,
    /// Pixels per point of the PNG.
    pub scale: f32,
    /// Dark background (as the app's default theme) or light (for print).
    pub dark: bool,
}

impl Default for ImageOptions {
    fn default() -> Self {
        Self {
            width: 1200.0,
            scale: 2.0,
            dark: true,
        }
    }
}

/// Escapes text for HTML and SVG.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The events an export shows: those with a date, in date order.
fn dated(doc: &Document, events: &[usize]) -> Vec<usize> {
    let mut dated: Vec<usize> = events
        .iter()
        .copied()
        .filter(|&i| doc.events.get(i).and_then(span).is_some())
        .collect();
    crate::core::view::sort_events(doc, &mut dated, crate::core::view::SortColumn::Date, true);
    dated
}

/// The timeline as SVG: lanes by kind, a bar from earliest to latest day, a marker on the best
/// day (hollow when there is none) sized by independent sources, disputed events as diamonds,
/// labels that never overlap, a calendar axis. Shows the focus range (where the corroborated
/// events are) and says how many events fall outside it.
pub fn timeline_svg(doc: &Document, events: &[usize], options: &ImageOptions) -> String {
    let shown = dated(doc, events);
    let mut lanes: Vec<&str> = Vec::new();
    for &i in &shown {
        if !lanes.contains(&doc.events[i].lane.as_str()) {
            lanes.push(&doc.events[i].lane);
        }
    }
    let (bg, fg, grid) = if options.dark {
        ("#1b1b1b", "#d0d0d0", "#3a3a3a")
    } else {
        ("#ffffff", "#202020", "#dddddd")
    };
    let width = options.width.max(400.0);
    let (left, right, top, lane_h) = (150.0, 20.0, 50.0, 60.0);
    let height = top + lanes.len().max(1) as f64 * lane_h + 50.0;
    let (lo, hi) = focus_bounds(doc).unwrap_or((0.0, 1.0));
    let to_x = |x: f64| left + (x - lo) / (hi - lo).max(1e-9) * (width - left - right);
    let mut svg = String::new();
    let _ = write!(
        svg,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" font-family="Ubuntu, sans-serif" font-size="12">"#
    );
    let _ = write!(
        svg,
        r#"<rect width="100%" height="100%" fill="{bg}"/><text x="12" y="26" font-size="18" fill="{fg}">{}</text>"#,
        escape(&doc.title)
    );
    let plot_bottom = top + lanes.len() as f64 * lane_h;
    let most = ((width - left) / 90.0) as usize;
    for (x, step) in layout::calendar_ticks(lo, hi, (hi - lo) / most.max(1) as f64, most) {
        let label = layout::tick_label(x, step);
        let px = to_x(x);
        let _ = write!(
            svg,
            r#"<line x1="{px:.1}" y1="{top}" x2="{px:.1}" y2="{plot_bottom}" stroke="{grid}"/><text x="{px:.1}" y="{:.1}" fill="{fg}" text-anchor="middle">{}</text>"#,
            plot_bottom + 18.0,
            escape(&label)
        );
    }
    for (i, lane) in lanes.iter().enumerate() {
        let y = top + (i as f64 + 0.5) * lane_h;
        let _ = write!(
            svg,
            r#"<line x1="{left}" y1="{y}" x2="{:.1}" y2="{y}" stroke="{grid}" stroke-dasharray="2 4"/><text x="{:.1}" y="{:.1}" fill="{fg}" text-anchor="end">{}</text>"#,
            width - right,
            left - 8.0,
            y + 4.0,
            escape(lane)
        );
    }
    let _ = write!(
        svg,
        r#"<clipPath id="plot"><rect x="{left}" y="{top}" width="{:.1}" height="{:.1}"/></clipPath><g clip-path="url(#plot)">"#,
        width - left - right,
        plot_bottom - top
    );
    // Where each event in range goes: its lane, its row in the lane (the most salient first),
    // its bar and its marker.
    let mut order = shown.clone();
    order.sort_by(|&a, &b| {
        let (a, b) = (&doc.events[a], &doc.events[b]);
        b.salience
            .total_cmp(&a.salience)
            .then(b.sources.cmp(&a.sources))
    });
    let mut rank_in_lane = vec![0usize; lanes.len()];
    let mut outside = 0;
    let mut drawn: Vec<layout::Drawn> = Vec::new();
    for &i in &order {
        let event = &doc.events[i];
        let Some((start, end)) = span(event) else {
            continue;
        };
        if end < lo || start > hi {
            outside += 1;
            continue;
        }
        let lane = lanes.iter().position(|l| *l == event.lane).unwrap_or(0);
        let row = layout::ROW_OFFSETS[rank_in_lane[lane] % layout::ROW_OFFSETS.len()];
        rank_in_lane[lane] += 1;
        let y = top + (lane as f64 + 0.5 - row) * lane_h;
        let mx = to_x(marker_x(event, end));
        let radius = layout::marker_radius(event.sources);
        let (x1, x2) = (to_x(start), to_x(end));
        drawn.push(layout::Drawn {
            event: i,
            marker: layout::Area::at(mx - radius, y - radius, 2.0 * radius, 2.0 * radius),
            bar: layout::Area::at(x1, y - 2.0, x2 - x1, 4.0),
            label: (
                layout::event_label(event).chars().count() as f64 * 6.2,
                14.0,
            ),
            salience: event.salience,
            selected: false,
        });
    }
    // Labels go as on screen, except that an image has no density to fall back on: every
    // marker is drawn and no label covers one.
    let placement = layout::place_labels(&drawn, (left, width - right), false);
    for d in drawn
        .iter()
        .filter(|d| !placement.hidden.contains(&d.event))
    {
        let event = &doc.events[d.event];
        let (mx, y) = d.marker.center();
        let radius = d.marker.width() / 2.0;
        let color = theme::hex(theme::lane(&event.lane));
        let dash = if event.earliest.is_none() {
            r#" stroke-dasharray="6 4""#
        } else {
            ""
        };
        let _ = write!(
            svg,
            r#"<line x1="{:.1}" y1="{y:.1}" x2="{:.1}" y2="{y:.1}" stroke="{color}" stroke-width="4" stroke-linecap="round"{dash}/>"#,
            d.bar.left, d.bar.right
        );
        let fill = if event.best.is_some() {
            color.as_str()
        } else {
            bg
        };
        if event.disputed {
            let _ = write!(
                svg,
                r#"<polygon points="{:.1},{y:.1} {mx:.1},{:.1} {:.1},{y:.1} {mx:.1},{:.1}" fill="{fill}" stroke="{color}" stroke-width="2"/>"#,
                mx - radius,
                y - radius,
                mx + radius,
                y + radius
            );
        } else {
            let _ = write!(
                svg,
                r#"<circle cx="{mx:.1}" cy="{y:.1}" r="{radius:.1}" fill="{fill}" stroke="{color}" stroke-width="2"/>"#
            );
        }
    }
    for (area, i) in &placement.labels {
        let _ = write!(
            svg,
            r#"<text x="{:.1}" y="{:.1}" fill="{fg}" font-size="11">{}</text>"#,
            area.left,
            area.bottom - 2.0,
            escape(&layout::event_label(&doc.events[*i]))
        );
    }
    svg.push_str("</g>");
    if outside > 0 {
        let _ = write!(
            svg,
            r#"<text x="12" y="{:.1}" fill="{fg}" font-size="11">{outside} event(s) outside this range are listed in the briefing.</text>"#,
            height - 10.0
        );
    }
    svg.push_str("</svg>");
    svg
}

/// The timeline as a PNG (the SVG rendered with the app's font).
pub fn timeline_png(
    doc: &Document,
    events: &[usize],
    options: &ImageOptions,
) -> Result<Vec<u8>, ExportError> {
    use resvg::{tiny_skia, usvg};
    let svg = timeline_svg(doc, events, options);
    let mut usvg_options = usvg::Options::default();
    usvg_options
        .fontdb_mut()
        .load_font_data(epaint_default_fonts::UBUNTU_LIGHT.to_vec());
    usvg_options.font_family = "Ubuntu".into();
    let tree = usvg::Tree::from_str(&svg, &usvg_options)
        .map_err(|e| ExportError::Render(e.to_string()))?;
    let size = tree.size();
    let scale = options.scale.clamp(0.25, 8.0);
    let (w, h) = (
        (size.width() * scale).ceil() as u32,
        (size.height() * scale).ceil() as u32,
    );
    let mut pixmap = tiny_skia::Pixmap::new(w, h)
        .ok_or_else(|| ExportError::Render(format!("an image of {w}×{h} pixels")))?;
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    pixmap
        .encode_png()
        .map_err(|e| ExportError::Render(e.to_string()))
}

/// The article a passage quotes.
/// A passage in its sentence as HTML, the passage's own words marked.
fn marked_passage(x: &Evidence, text: &str) -> String {
    let sentence = x.context_span();
    let piece = |s: usize, e: usize| escape(text.get(s..e).unwrap_or_default());
    if x.context.is_none() || text.get(sentence.start..sentence.end).is_none() {
        return escape(&x.quote);
    }
    format!(
        "{}<mark>{}</mark>{}",
        piece(sentence.start, x.start),
        escape(&x.quote),
        piece(x.end, sentence.end)
    )
}

fn article_of<'d>(doc: &'d Document, passage: &Evidence) -> Option<&'d Article> {
    doc.articles.iter().find(|a| a.id == passage.article)
}

/// A citation: outlet (or byline), article title, publication date.
fn citation(article: &Article) -> String {
    let source = article
        .outlet
        .as_deref()
        .or(article.byline.as_deref())
        .unwrap_or("Unsigned");
    let date = article
        .published
        .map_or_else(|| "date unknown".to_string(), |d| format!("published {d}"));
    format!("{source}, “{}”, {date}", article.title)
}

/// The few passages that carry an event best: denials first (a dispute must show), then
/// supporting passages from different articles.
pub fn key_quotes(event: &Event, most: usize) -> Vec<&Evidence> {
    let mut chosen: Vec<&Evidence> = event
        .evidence
        .iter()
        .filter(|x| x.stance == Stance::Denies)
        .take(1)
        .collect();
    for x in &event.evidence {
        if chosen.len() >= most {
            break;
        }
        if x.stance == Stance::Supports && chosen.iter().all(|c| c.article != x.article) {
            chosen.push(x);
        }
    }
    for x in &event.evidence {
        if chosen.len() >= most {
            break;
        }
        if !chosen.iter().any(|c| std::ptr::eq(*c, x)) {
            chosen.push(x);
        }
    }
    chosen
}

/// One self-contained HTML file: the title, the timeline as inline SVG, then each event with
/// its date and why, every passage with its citation, disputes shown as such. No external
/// resources; prints well.
pub fn html_briefing(doc: &Document, events: &[usize]) -> String {
    let shown = dated_first(doc, events);
    let mut html = String::new();
    let _ = write!(
        html,
        r#"<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title}</title><style>
body{{font-family:Ubuntu,"Segoe UI",sans-serif;max-width:62rem;margin:2rem auto;padding:0 1rem;color:#1e1e1e;line-height:1.45}}
h1{{margin-bottom:.2rem}} .meta{{color:#666}} .timeline svg{{width:100%;height:auto;border:1px solid #ddd}}
article.event{{border-top:1px solid #ddd;padding:.6rem 0;break-inside:avoid}} .date{{font-weight:600}}
.disputed{{color:{denied};font-weight:600}} blockquote{{margin:.4rem 0 .4rem 1rem;padding-left:.6rem;border-left:3px solid #bbb}}
blockquote.denies{{border-color:{denied}}} .stance{{font-size:.8rem;text-transform:uppercase;color:#555}}
cite{{display:block;font-size:.85rem;color:#555}} .why{{font-size:.85rem;color:#444}} .note{{background:#f6f3e6;padding:.3rem .5rem}}
@media print{{body{{margin:0}} a{{color:inherit}}}}
</style></head><body><h1>{title}</h1><p class="meta">{n} events from {m} articles.</p>"#,
        title = escape(&doc.title),
        n = shown.len(),
        m = doc.articles.len(),
        denied = theme::hex(theme::DENIED_ON_PAPER)
    );
    let _ = write!(
        html,
        r#"<div class="timeline">{}</div>"#,
        timeline_svg(
            doc,
            events,
            &ImageOptions {
                dark: false,
                ..ImageOptions::default()
            }
        )
    );
    for &i in &shown {
        let e = &doc.events[i];
        let _ = write!(
            html,
            r#"<article class="event" id="{id}"><h2>{title}</h2><p><span class="date">{date}</span> · {kind} · {corroboration}{disputed}</p>"#,
            id = escape(&e.id),
            title = escape(&e.title),
            date = escape(&e.date_in_words()),
            kind = escape(&e.kind),
            corroboration = escape(&e.corroboration()),
            disputed = if e.disputed {
                r#" · <span class="disputed">Disputed</span>"#
            } else {
                ""
            }
        );
        if !e.date_basis.is_empty() {
            html.push_str(r#"<ul class="why">"#);
            for step in &e.date_basis {
                let _ = write!(
                    html,
                    "<li>“{}”: {} ({})</li>",
                    escape(&step.text),
                    escape(&crate::core::document::range_label(
                        step.earliest,
                        step.latest
                    )),
                    escape(&step.anchor)
                );
            }
            html.push_str("</ul>");
        }
        if !e.note.is_empty() {
            let _ = write!(html, r#"<p class="note">{}</p>"#, escape(&e.note));
        }
        for x in &e.evidence {
            let article = article_of(doc, x);
            let cite = article.map(citation).unwrap_or_default();
            let _ = write!(
                html,
                r#"<blockquote class="{stance}"><span class="stance">{stance}{hedged}</span> “{quote}”<cite>{cite}</cite></blockquote>"#,
                stance = x.stance.as_str(),
                hedged = if x.hedged { ", hedged" } else { "" },
                quote = article.map_or_else(|| escape(&x.quote), |a| marked_passage(x, &a.text)),
                cite = escape(&cite)
            );
        }
        html.push_str("</article>");
    }
    html.push_str("</body></html>\n");
    html
}

/// Dated events in date order, then the undated ones.
fn dated_first(doc: &Document, events: &[usize]) -> Vec<usize> {
    let mut shown = dated(doc, events);
    shown.extend(
        events
            .iter()
            .copied()
            .filter(|&i| doc.events.get(i).is_some_and(|e| span(e).is_none())),
    );
    shown
}

/// A Markdown briefing: each event with its date, corroboration and quotes, the citations as
/// footnotes.
pub fn markdown_briefing(doc: &Document, events: &[usize]) -> String {
    let shown = dated_first(doc, events);
    let mut md = format!(
        "# {}\n\n{} events from {} articles.\n\n",
        doc.title,
        shown.len(),
        doc.articles.len()
    );
    let mut notes: Vec<String> = Vec::new();
    for &i in &shown {
        let e = &doc.events[i];
        let _ = write!(
            md,
            "## {} — {}\n\n*{}*, {}{}.\n\n",
            e.date_in_words(),
            e.title,
            e.kind,
            e.corroboration(),
            if e.disputed { " — **disputed**" } else { "" }
        );
        if !e.note.is_empty() {
            let _ = write!(md, "Note: {}\n\n", e.note);
        }
        for x in &e.evidence {
            let article = article_of(doc, x);
            notes.push(article.map(citation).unwrap_or_default());
            let _ = write!(
                md,
                "> **{}** “{}”[^{}]\n\n",
                x.stance.as_str(),
                article
                    .map_or(x.quote.as_str(), |a| x.context_in(&a.text))
                    .replace('\n', " "),
                notes.len()
            );
        }
    }
    for (n, note) in notes.iter().enumerate() {
        let _ = writeln!(md, "[^{}]: {note}", n + 1);
    }
    md
}

/// One CSV row per event: id, dates, title, kind, lane, sources, disputed, starred, note, tags,
/// origin.
pub fn events_csv(doc: &Document, events: &[usize]) -> Result<String, ExportError> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record([
        "id", "earliest", "latest", "best", "title", "kind", "lane", "sources", "disputed",
        "starred", "note", "tags", "origin",
    ])?;
    let day = |d: Option<NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    for &i in &dated_first(doc, events) {
        let e = &doc.events[i];
        writer.write_record([
            e.id.to_string(),
            day(e.earliest),
            day(e.latest),
            day(e.best),
            e.title.clone(),
            e.kind.clone(),
            e.lane.clone(),
            e.sources.to_string(),
            e.disputed.to_string(),
            e.starred.to_string(),
            e.note.clone(),
            e.tags.join("; "),
            format!("{:?}", e.origin).to_lowercase(),
        ])?;
    }
    let bytes = writer
        .into_inner()
        .map_err(|e| ExportError::Render(e.to_string()))?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

mod timelinejs;
pub use timelinejs::{import_timelinejs, timelinejs};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_escapes_what_it_quotes() {
        assert_eq!(escape("a<b & \"c\""), "a&lt;b &amp; &quot;c&quot;");
    }

    #[test]
    fn formats_parse_by_name() {
        assert_eq!(Format::parse("PNG"), Some(Format::Png));
        assert_eq!(Format::parse("markdown"), Some(Format::Markdown));
        assert_eq!(Format::parse("timelinejs"), Some(Format::TimelineJs));
        assert_eq!(Format::parse("docx"), None);
        assert_eq!(Format::TimelineJs.extension(), "json");
    }
}
