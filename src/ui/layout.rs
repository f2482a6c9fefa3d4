//! The drag handles on the panels' edges; the sizes they change are
//! [`crate::settings::PanelLayout`]'s.

use crate::settings::Divider;

/// Width of the band along a panel's edge that the pointer drags to resize it.
const HANDLE_WIDTH: f32 = 8.0;

/// A drag handle along one edge of `panel`: while dragged, returns the size the panel would
/// have with its edge under the pointer. The handle lies over the panel's edge, on top of
/// the panels' contents.
pub fn divider_ui(ui: &egui::Ui, divider: Divider, panel: egui::Rect) -> Option<f32> {
    let (band, cursor) = match divider {
        Divider::Sources => (
            egui::Rect::from_x_y_ranges(
                panel.right() - HANDLE_WIDTH / 2.0..=panel.right() + HANDLE_WIDTH / 2.0,
                panel.y_range(),
            ),
            egui::CursorIcon::ResizeHorizontal,
        ),
        Divider::Inspector => (
            egui::Rect::from_x_y_ranges(
                panel.left() - HANDLE_WIDTH / 2.0..=panel.left() + HANDLE_WIDTH / 2.0,
                panel.y_range(),
            ),
            egui::CursorIcon::ResizeHorizontal,
        ),
        Divider::Timeline => (
            egui::Rect::from_x_y_ranges(
                panel.x_range(),
                panel.bottom() - HANDLE_WIDTH / 2.0..=panel.bottom() + HANDLE_WIDTH / 2.0,
            ),
            egui::CursorIcon::ResizeVertical,
        ),
    };
    let id = egui::Id::unique(("panel divider", divider as u8));
    let response = ui.interact(band, id, egui::Sense::drag());
    response.widget_info(|| {
        egui::WidgetInfo::labeled(egui::Role::Splitter, true, divider_name(divider))
    });
    if response.hovered() || response.dragged() {
        ui.ctx().set_cursor_icon(cursor);
        let stroke = ui.visuals().widgets.hovered.fg_stroke;
        let line = match divider {
            Divider::Timeline => [band.left_center(), band.right_center()],
            _ => [band.center_top(), band.center_bottom()],
        };
        ui.painter().line_segment(line, stroke);
    }
    if !response.dragged() {
        return None;
    }
    let pointer = response.interact_pointer_pos()?;
    Some(match divider {
        Divider::Sources => pointer.x - panel.left(),
        Divider::Inspector => panel.right() - pointer.x,
        Divider::Timeline => pointer.y - panel.top(),
    })
}

/// The name assistive tools (and tests) know a divider by.
pub fn divider_name(divider: Divider) -> &'static str {
    match divider {
        Divider::Sources => "Resize sources",
        Divider::Inspector => "Resize inspector",
        Divider::Timeline => "Resize timeline",
    }
}
