//! CoNLL-U, the Universal Dependencies treebank format: reading gold sentences for training and
//! scoring, and writing parsed sentences (FORM exactly the characters of the text).

use super::{ParsedSentence, tokenize};
use std::fmt::Write;

/// One word of a gold sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GoldWord {
    /// The word as written.
    pub form: String,
    /// Its lemma.
    pub lemma: String,
    /// Universal part of speech.
    pub upos: String,
    /// Penn Treebank tag.
    pub xpos: String,
    /// Morphological features (`_` for none).
    pub feats: String,
    /// The head's 1-based index, 0 for the root.
    pub head: usize,
    /// The dependency relation to the head.
    pub deprel: String,
}

/// A gold sentence: its text, its words, and where it stands in its document.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GoldSentence {
    /// The raw text (`# text =`).
    pub text: String,
    /// The syntactic words (multiword tokens expanded, empty nodes left out).
    pub words: Vec<GoldWord>,
    /// It begins a new document.
    pub new_doc: bool,
    /// It begins a new paragraph.
    pub new_par: bool,
}

/// Reads the sentences of a CoNLL-U file's text. Lines that do not parse are skipped.
pub fn read(conllu: &str) -> Vec<GoldSentence> {
    let mut out = Vec::new();
    let mut current = GoldSentence::default();
    for line in conllu.lines() {
        if line.trim().is_empty() {
            if !current.words.is_empty() {
                out.push(std::mem::take(&mut current));
            }
            continue;
        }
        if let Some(comment) = line.strip_prefix('#') {
            let comment = comment.trim();
            if let Some(text) = comment.strip_prefix("text =") {
                current.text = text.trim().to_string();
            } else if comment.starts_with("newdoc") {
                current.new_doc = true;
            } else if comment.starts_with("newpar") {
                current.new_par = true;
            }
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        // Multiword token ranges ("3-4") and empty nodes ("8.1") are not syntactic words.
        if cols.len() != 10 || !cols[0].bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        current.words.push(GoldWord {
            form: cols[1].to_string(),
            lemma: cols[2].to_string(),
            upos: cols[3].to_string(),
            xpos: cols[4].to_string(),
            feats: cols[5].to_string(),
            head: cols[6].parse().unwrap_or(0),
            deprel: cols[7].to_string(),
        });
    }
    if !current.words.is_empty() {
        out.push(current);
    }
    out
}

/// The raw text of a treebank as a writer would have typed it: sentences joined by a space,
/// paragraphs and documents by a blank line.
pub fn raw_text(sentences: &[GoldSentence]) -> String {
    raw_text_and_ends(sentences).0
}

/// [`raw_text`] and the byte offset where each sentence ends in it.
pub fn raw_text_and_ends(sentences: &[GoldSentence]) -> (String, Vec<usize>) {
    let mut text = String::new();
    let mut ends = Vec::with_capacity(sentences.len());
    for (i, s) in sentences.iter().enumerate() {
        if i > 0 {
            text.push_str(if s.new_par || s.new_doc { "\n\n" } else { " " });
        }
        text.push_str(&s.text);
        ends.push(text.len());
    }
    (text, ends)
}

/// Parsed sentences of `text` as CoNLL-U: `# text =` per sentence, FORM the exact characters.
pub fn write(text: &str, sentences: &[ParsedSentence]) -> String {
    let mut out = String::new();
    for (n, s) in sentences.iter().enumerate() {
        let _ = writeln!(out, "# sent_id = {}", n + 1);
        let _ = writeln!(
            out,
            "# text = {}",
            text[s.start..s.end].replace(['\n', '\r'], " ")
        );
        let form = |i: usize| &text[s.tokens[i].start..s.tokens[i].end];
        let space_after = |i: usize| {
            s.tokens
                .get(i + 1)
                .is_none_or(|next| next.start > s.tokens[i].end)
        };
        let misc = |space: bool| if space { "_" } else { "SpaceAfter=No" };
        // The second word of a multiword token ("do" of "don't" is the first).
        let mut second = false;
        for (i, t) in s.tokens.iter().enumerate() {
            let joined = !second
                && i + 1 < s.tokens.len()
                && !space_after(i)
                && tokenize::is_multiword(form(i), form(i + 1));
            if joined {
                let _ = writeln!(
                    out,
                    "{}-{}\t{}\t_\t_\t_\t_\t_\t_\t_\t{}",
                    i + 1,
                    i + 2,
                    &text[t.start..s.tokens[i + 1].end],
                    misc(space_after(i + 1))
                );
            }
            let _ = writeln!(
                out,
                "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t_\t{}",
                i + 1,
                form(i),
                if t.lemma.is_empty() { "_" } else { &t.lemma },
                t.upos,
                t.xpos,
                t.feats,
                t.head,
                t.deprel,
                misc(joined || second || space_after(i))
            );
            second = joined;
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "# newdoc id = d1\n# newpar id = p1\n# text = I don't know.\n\
1\tI\tI\tPRON\tPRP\tCase=Nom\t4\tnsubj\t_\t_\n\
2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n\
2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t_\t_\n\
3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n\
4\tknow\tknow\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No\n\
5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n\n\
# text = Yes.\n1\tYes\tyes\tINTJ\tUH\t_\t0\troot\t_\tSpaceAfter=No\n2\t.\t.\tPUNCT\t.\t_\t1\tpunct\t_\t_\n";

    #[test]
    fn writes_clitics_as_multiword_tokens() {
        let text = "They don't know Kim's plan, and I cannot say.";
        let model = crate::core::nlp::model().expect("the embedded model");
        let paragraphs = crate::core::segment::paragraphs(text, 0);
        let sentences = crate::core::segment::sentences(text, &paragraphs);
        let written = write(text, &model.parse(text, &sentences));
        let ranges: Vec<&str> = written
            .lines()
            .filter(|l| l.split('\t').next().is_some_and(|id| id.contains('-')))
            .map(|l| l.split('\t').nth(1).unwrap_or(""))
            .collect();
        assert_eq!(ranges, ["don't", "Kim's", "cannot"]);
        // Read back, the words are the parser's, each once.
        let words: Vec<String> = read(&written)[0]
            .words
            .iter()
            .map(|w| w.form.clone())
            .collect();
        assert_eq!(words[1..4], ["do", "n't", "know"]);
        assert!(written.contains("5-6\tKim's\t_\t_\t_\t_\t_\t_\t_\t_\n5\tKim\t"));
    }

    #[test]
    fn reads_words_not_multiword_ranges() {
        let sentences = read(SAMPLE);
        assert_eq!(sentences.len(), 2);
        let forms: Vec<&str> = sentences[0].words.iter().map(|w| w.form.as_str()).collect();
        assert_eq!(forms, ["I", "do", "n't", "know", "."]);
        assert_eq!(sentences[0].words[3].head, 0);
        assert!(sentences[0].new_doc && sentences[0].new_par && !sentences[1].new_par);
        assert_eq!(raw_text(&sentences), "I don't know. Yes.");
    }
}
