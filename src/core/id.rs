//! Typed ids: an event and an article are addressed by their stable id, never by their place
//! in a list, so a deletion or an insertion never makes an edit, a command or the selection
//! point at another item.

use serde::{Deserialize, Serialize};

/// Declares a string id type: serialised as the bare string, compared with `&str`, shown as
/// itself.
macro_rules! string_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(String);

        impl $name {
            /// The id as text.
            #[must_use]
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl From<String> for $name {
            fn from(id: String) -> Self {
                Self(id)
            }
        }

        impl From<&str> for $name {
            fn from(id: &str) -> Self {
                Self(id.to_string())
            }
        }

        impl std::ops::Deref for $name {
            type Target = str;
            fn deref(&self) -> &str {
                &self.0
            }
        }

        impl std::borrow::Borrow<str> for $name {
            fn borrow(&self) -> &str {
                &self.0
            }
        }

        impl PartialEq<str> for $name {
            fn eq(&self, other: &str) -> bool {
                self.0 == other
            }
        }

        impl PartialEq<&str> for $name {
            fn eq(&self, other: &&str) -> bool {
                self.0 == *other
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

string_id!(
    /// An event's stable id (`Event::id`).
    EventId
);

string_id!(
    /// An article's stable id (`Article::id`).
    ArticleId
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_id_is_written_and_read_as_its_bare_string() {
        let id = EventId::from("e7");
        assert_eq!(serde_json::to_string(&id).unwrap(), "\"e7\"");
        let back: EventId = serde_json::from_str("\"e7\"").unwrap();
        assert_eq!(back, id);
        assert_eq!(id, "e7");
        assert_ne!(ArticleId::from("a"), "b");
    }

    #[test]
    fn a_map_keyed_by_id_is_searched_with_text() {
        let map: std::collections::HashMap<ArticleId, usize> =
            [(ArticleId::from("x.txt"), 3)].into();
        assert_eq!(map.get("x.txt"), Some(&3));
    }
}
