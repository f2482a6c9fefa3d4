//! What the user chose and Sightline remembers between runs: the look (theme, text size) and
//! the panels' sizes — kept as shares of the window, as the user last dragged them, and turned
//! into exact sizes each frame. A panel never sizes itself from its content, so nothing shrinks
//! or grows frame after frame, a wide table cannot push the centre under the inspector, and a
//! smaller window keeps the same proportions. Plain data: no egui.

/// What the user chose for the look of the app, remembered between runs.
#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Settings {
    /// Dark theme (else light).
    pub dark: bool,
    /// UI scale (1.0 = 100 %).
    pub zoom: f32,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            dark: true,
            zoom: 1.0,
        }
    }
}

/// Narrowest the sources and event table may be, in points.
const MIN_SIDE: f32 = 220.0;
/// Narrowest the inspector may be, in points.
const MIN_INSPECTOR: f32 = 260.0;
/// Narrowest the centre (timeline and reader) may be, in points.
const MIN_CENTRE: f32 = 360.0;
/// Lowest the timeline may be, in points.
const MIN_TIMELINE: f32 = 220.0;
/// Lowest the reader under the timeline may be, in points.
const MIN_READER: f32 = 120.0;

/// The panels' shares of the window, remembered between runs.
#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct PanelLayout {
    /// The sources and event table's share of the window's width.
    pub sources: f32,
    /// The inspector's share of the window's width.
    pub inspector: f32,
    /// The timeline's share of the height under the header.
    pub timeline: f32,
}

impl Default for PanelLayout {
    fn default() -> Self {
        Self {
            sources: 0.3,
            inspector: 0.24,
            timeline: 0.56,
        }
    }
}

/// A panel edge the user can drag.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Divider {
    /// The right edge of the sources panel.
    Sources,
    /// The left edge of the inspector.
    Inspector,
    /// The bottom edge of the timeline.
    Timeline,
}

impl PanelLayout {
    /// The widths of the sources panel and the inspector in a window `width` points wide:
    /// each at least its minimum, and together leaving the centre at least its minimum (the
    /// sides give way in proportion when the window is too narrow for all three).
    pub fn side_widths(&self, width: f32) -> (f32, f32) {
        let defaults = Self::default();
        let left = (share(self.sources, defaults.sources) * width).max(MIN_SIDE);
        let right = (share(self.inspector, defaults.inspector) * width).max(MIN_INSPECTOR);
        let room = (width - MIN_CENTRE).max(0.0);
        if left + right <= room {
            (left.round(), right.round())
        } else {
            let scale = room / (left + right);
            ((left * scale).round(), (right * scale).round())
        }
    }

    /// The timeline's height in `height` points under the header, leaving the reader its
    /// minimum.
    pub fn timeline_height(&self, height: f32) -> f32 {
        (share(self.timeline, Self::default().timeline) * height)
            .max(MIN_TIMELINE)
            .min((height - MIN_READER).max(0.0))
            .round()
    }

    /// The layout with `divider` moved so that its panel is `size` points out of `total`.
    #[must_use]
    pub fn with(mut self, divider: Divider, size: f32, total: f32) -> Self {
        if total > 0.0 && size.is_finite() {
            let share = (size / total).clamp(0.05, 0.9);
            match divider {
                Divider::Sources => self.sources = share,
                Divider::Inspector => self.inspector = share,
                Divider::Timeline => self.timeline = share,
            }
        }
        self
    }
}

/// A share between 0 and 1: `value`, or `default` when a stored value is not a number.
fn share(value: f32, default: f32) -> f32 {
    if value.is_finite() {
        value.clamp(0.0, 1.0)
    } else {
        default
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sides_keep_the_centre_free_at_any_width() {
        let layout = PanelLayout::default();
        for width in [700.0, 1024.0, 1280.0, 1600.0, 2560.0] {
            let (left, right) = layout.side_widths(width);
            assert!(
                width - left - right >= MIN_CENTRE.min(width) - 1.0,
                "{width}: {left} + {right}"
            );
        }
        // A wide window keeps the user's proportions.
        let (left, right) = layout.side_widths(2000.0);
        assert!((left - 600.0).abs() <= 1.0 && (right - 480.0).abs() <= 1.0);
    }

    #[test]
    fn the_timeline_leaves_the_reader_room_and_follows_drags() {
        let layout = PanelLayout::default().with(Divider::Timeline, 600.0, 800.0);
        assert!((layout.timeline - 0.75).abs() < 1e-6);
        assert!((layout.timeline_height(800.0) - 600.0).abs() < 0.5);
        // Dragged nearly to the bottom: the reader keeps its minimum.
        let low = layout.with(Divider::Timeline, 790.0, 800.0);
        assert!((low.timeline_height(800.0) - (800.0 - MIN_READER)).abs() < 0.5);
        // Dragged nearly to the top: the timeline keeps its minimum.
        let high = layout.with(Divider::Timeline, 10.0, 800.0);
        assert!((high.timeline_height(500.0) - MIN_TIMELINE).abs() < 0.5);
    }

    #[test]
    fn a_corrupt_share_falls_back_to_a_usable_layout() {
        let bad = PanelLayout {
            sources: f32::NAN,
            inspector: -3.0,
            timeline: f32::INFINITY,
        };
        let (left, right) = bad.side_widths(1600.0);
        assert!(left >= MIN_SIDE && right >= MIN_INSPECTOR);
        let h = bad.timeline_height(900.0);
        assert!((MIN_TIMELINE..=900.0 - MIN_READER).contains(&h));
    }
}
