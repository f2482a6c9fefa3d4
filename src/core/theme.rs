//! Every colour Sightline shows, named once: the screen (through `ui`), the slides and the
//! exports take them from here, so a denial is the same red everywhere.

use crate::core::document::Stance;
use crate::core::taxonomy::Family;

/// An RGB colour.
pub type Rgb = [u8; 3];

/// A denial, a disputed event.
pub const DENIED: Rgb = [220, 80, 60];
/// A denial on paper (HTML briefings print darker).
pub const DENIED_ON_PAPER: Rgb = [179, 38, 30];
/// A passage that reports or confirms its event.
pub const SUPPORTED: Rgb = [90, 180, 100];
/// A passage that only mentions its event.
pub const MENTIONED: Rgb = [128, 128, 128];
/// An event found when articles were added, not yet reviewed.
pub const NEW: Rgb = [60, 170, 220];
/// An event an analyst changed.
pub const EDITED: Rgb = [230, 160, 40];
/// A notice in the status bar.
pub const NOTICE: Rgb = [220, 140, 40];
/// A warning about the input (problems reading files).
pub const WARNING: Rgb = [200, 120, 0];
/// The underline of a temporal expression in the reader.
pub const TIME_EXPRESSION: Rgb = [60, 140, 220];

/// The colour of a passage's stance.
pub fn stance(stance: Stance) -> Rgb {
    match stance {
        Stance::Supports => SUPPORTED,
        Stance::Denies => DENIED,
        Stance::Mentions => MENTIONED,
    }
}

/// A family's colour: ten hues apart, so lanes never share one.
pub const fn family(family: Family) -> Rgb {
    match family {
        Family::Conflict => [220, 80, 60],
        Family::Disaster => [230, 140, 40],
        Family::Justice => [60, 140, 220],
        Family::Politics => [170, 100, 210],
        Family::Economy => [90, 180, 100],
        Family::Diplomacy => [60, 190, 190],
        Family::Health => [230, 110, 170],
        Family::Statement => [220, 190, 70],
        Family::Policy => [150, 150, 230],
        Family::Other => [150, 150, 150],
    }
}

/// A lane's colour, the same on screen, in slides and in exports: a family's own colour for its
/// lane, else one of a palette chosen by the name (lanes by source, tag or participant).
pub fn lane(lane: &str) -> Rgb {
    const PALETTE: [Rgb; 6] = [
        [220, 80, 60],
        [60, 140, 220],
        [230, 160, 40],
        [90, 180, 100],
        [170, 100, 210],
        [60, 190, 190],
    ];
    if let Some(f) = Family::ALL.into_iter().find(|f| f.label() == lane) {
        return family(f);
    }
    let index = lane.bytes().fold(0usize, |h, b| {
        h.wrapping_mul(31).wrapping_add(usize::from(b))
    });
    PALETTE[index % PALETTE.len()]
}

/// `#rrggbb`, for SVG and CSS.
pub fn hex([r, g, b]: Rgb) -> String {
    format!("#{r:02x}{g:02x}{b:02x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_family_lane_has_its_own_colour() {
        let mut seen: Vec<Rgb> = Family::ALL.iter().map(|f| lane(f.label())).collect();
        seen.sort_unstable();
        seen.dedup();
        assert_eq!(seen.len(), Family::ALL.len());
        assert_eq!(lane("Some source"), lane("Some source"));
        assert_eq!(hex(DENIED), "#dc503c");
    }
}
