//! The committed language model (assets/nlp/): its scores on the English Web Treebank's
//! development set match the README's figures, it reads news sentences written for this test,
//! and no input makes it panic or run long.

use sightline::core::nlp::{self, Model, ParsedSentence, conllu};
use sightline::core::segment;

/// The README's figures for the committed model on EWT dev with gold words: UPOS, XPOS, lemma,
/// UAS, LAS (in %).
const README_DEV: [f64; 5] = [95.43, 94.83, 97.17, 85.62, 82.80];

fn parse(text: &str) -> Vec<ParsedSentence> {
    let model = nlp::model().expect("the embedded model");
    let paragraphs = segment::paragraphs(text, 0);
    let sentences = nlp::sentences::sentences(text, &paragraphs);
    model.parse(text, &sentences)
}

/// The sentences the language model's splitter finds in `text`.
fn split_sentences(text: &str) -> Vec<&str> {
    let paragraphs = segment::paragraphs(text, 0);
    nlp::sentences::sentences(text, &paragraphs)
        .iter()
        .map(|s| &text[s.start..s.end])
        .collect()
}

/// The index of the word `form` in `s`.
fn word(text: &str, s: &ParsedSentence, form: &str) -> usize {
    s.tokens
        .iter()
        .position(|t| &text[t.start..t.end] == form)
        .unwrap_or_else(|| panic!("{form} is a word"))
}

/// The copy of EWT dev in `tests/data/ud/`.
fn ewt_dev() -> Vec<conllu::GoldSentence> {
    conllu::read(
        &std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/data/ud/en_ewt-ud-dev.conllu"
        ))
        .expect("EWT dev"),
    )
}

#[test]
fn the_committed_model_scores_as_the_readme_says() {
    let gold = ewt_dev();
    let model = nlp::model().expect("the embedded model");
    let s = nlp::score_gold_words(model, &gold);
    assert_eq!(s.words, 25_147);
    for (name, got, readme) in [
        ("UPOS", s.upos, README_DEV[0]),
        ("XPOS", s.xpos, README_DEV[1]),
        ("Lemmas", s.lemma, README_DEV[2]),
        ("UAS", s.uas, README_DEV[3]),
        ("LAS", s.las, README_DEV[4]),
    ] {
        assert!(
            (got - readme).abs() <= 0.5,
            "{name}: {got:.2}, README {readme:.2}"
        );
    }
}

/// The README's sentence F1 on EWT dev from raw text: the punctuation rules alone, and with
/// the learned splitter.
const README_DEV_SENTENCES: [f64; 2] = [85.55, 88.79];

/// Sentence F1 (in %) of `found` against the gold sentence spans, as the `CoNLL` 2018 scorer counts
/// it: a sentence is right when both its ends are.
fn sentence_f1(gold: &[(usize, usize)], found: &[segment::Sentence]) -> f64 {
    let found: std::collections::HashSet<(usize, usize)> =
        found.iter().map(|s| (s.start, s.end)).collect();
    let right = gold.iter().filter(|g| found.contains(g)).count() as f64;
    200.0 * right / (gold.len() + found.len()) as f64
}

#[test]
fn the_sentence_splitter_finds_the_ends_punctuation_does_not_mark() {
    let gold = ewt_dev();
    let (text, ends) = conllu::raw_text_and_ends(&gold);
    let spans: Vec<(usize, usize)> = gold
        .iter()
        .zip(&ends)
        .map(|(g, &end)| (end - g.text.len(), end))
        .collect();
    let paragraphs = segment::paragraphs(&text, 0);
    let rules = sentence_f1(&spans, &segment::sentences(&text, &paragraphs));
    let learned = sentence_f1(&spans, &nlp::sentences::sentences(&text, &paragraphs));
    for (name, got, readme) in [
        ("rules", rules, README_DEV_SENTENCES[0]),
        ("learned", learned, README_DEV_SENTENCES[1]),
    ] {
        assert!(
            (got - readme).abs() <= 0.5,
            "{name}: {got:.2}, README {readme:.2}"
        );
    }
}

#[test]
fn unpunctuated_headers_and_sign_offs_end_sentences_but_news_prose_is_not_cut() {
    let text = "Maria Lopez 11/04/2003 02:45 PM Please review the draft before Friday. \
                Warm regards, Maria\n\n\
                The minister, who met union leaders in the capital on Friday, said: the \
                talks would resume next week after a pause of two days.";
    let paragraphs = segment::paragraphs(text, 0);
    let rules = segment::sentences(text, &paragraphs);
    assert_eq!(rules.len(), 3, "the punctuation rules end one sentence");
    assert_eq!(
        split_sentences(text),
        [
            "Maria Lopez",
            "11/04/2003 02:45 PM",
            "Please review the draft before Friday.",
            "Warm regards,",
            "Maria",
            "The minister, who met union leaders in the capital on Friday, said: the talks \
             would resume next week after a pause of two days."
        ]
    );
}

#[test]
fn a_clock_time_before_a_day_or_month_name_ends_no_sentence() {
    let text = "The agency gave the families until 9 a.m. Tuesday to sign. \
                Polls close at 8 p.m. November 5 in most states. \
                The vote was at 6 p.m. The count began at once.";
    assert_eq!(
        split_sentences(text),
        [
            "The agency gave the families until 9 a.m. Tuesday to sign.",
            "Polls close at 8 p.m. November 5 in most states.",
            "The vote was at 6 p.m.",
            "The count began at once."
        ]
    );
}

#[test]
fn who_did_what_to_whom_in_sentences_written_for_the_test() {
    // The time is fronted: a trailing "… near the border on Tuesday" is still attached to the
    // noun by this parser (a known weakness of prepositional attachment).
    let text = "On Tuesday, rebels attacked a convoy near the border. \
                The convoy was destroyed by the rebels, officials said.";
    let parsed = parse(text);
    assert_eq!(parsed.len(), 2);
    let (a, b) = (&parsed[0], &parsed[1]);
    let attacked = word(text, a, "attacked");
    assert_eq!(a.root(), Some(attacked));
    assert_eq!(a.tokens[attacked].upos, "VERB");
    assert_eq!(a.tokens[attacked].xpos, "VBD");
    assert_eq!(a.tokens[attacked].lemma, "attack");
    assert_eq!(a.subject_of(attacked), Some(word(text, a, "rebels")));
    assert_eq!(a.object_of(attacked), Some(word(text, a, "convoy")));
    let tuesday = word(text, a, "Tuesday");
    assert_eq!(
        a.tokens[tuesday].head,
        attacked + 1,
        "the time attaches to the verb"
    );
    let destroyed = word(text, b, "destroyed");
    let subject = b.subject_of(destroyed).expect("a passive subject");
    assert_eq!(
        &text[b.tokens[subject].start..b.tokens[subject].end],
        "convoy"
    );
    assert_eq!(b.tokens[subject].deprel, "nsubj:pass");
    assert_eq!(b.tokens[word(text, b, "was")].lemma, "be");
    assert!(b.tokens[destroyed].feats.contains("Tense=Past"));
    assert_eq!(b.tokens[word(text, b, "rebels")].lemma, "rebel");
}

#[test]
fn hostile_sentences_stay_bounded_and_consistent() {
    let long = format!("{}.", vec!["word"; 2_000].join(" "));
    let huge = "x".repeat(10_000);
    let inputs = [
        long.as_str(),
        huge.as_str(),
        "!!! ??? ... ;;; ,,,",
        "😀😀 🚀 ✨ mixed שלום and русский text",
        "\u{200f}right-to-left\u{200e} marks and\u{0}control\u{7}characters",
        "nospacesatallinthissentencewhatsoever",
        "",
    ];
    for text in inputs {
        for s in parse(text) {
            let roots = s.tokens.iter().filter(|t| t.head == 0).count();
            assert_eq!(
                roots,
                usize::from(!s.tokens.is_empty()),
                "one root: {text:.40}"
            );
            for t in &s.tokens {
                assert!(t.start < t.end && t.end <= s.end && t.head <= s.tokens.len());
            }
        }
    }
    let parsed = parse(&long);
    assert!(
        parsed[0].cut,
        "a sentence of 2,001 words is parsed in pieces"
    );
    assert_eq!(parsed[0].tokens.len(), 2_001);
}

#[test]
fn a_damaged_model_file_is_refused() {
    assert!(Model::from_bytes(b"not a model").is_err());
    let bytes = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/nlp/en_ewt.model.gz"
    ))
    .expect("model file");
    assert!(Model::from_bytes(&bytes[..bytes.len() / 2]).is_err());
}

/// A headline's participle of a prefixed irregular verb bends as its stem does ("rebuilt", not
/// "rebuilded"); a regular verb stays regular.
#[test]
fn participles_of_prefixed_verbs_bend_as_their_stems() {
    let model = nlp::model().expect("the embedded model");
    assert_eq!(model.participle("build"), "built");
    assert_eq!(model.participle("rebuild"), "rebuilt");
    assert_eq!(model.participle("withhold"), "withheld");
    assert_eq!(model.participle("remark"), "remarked");
    assert_eq!(model.participle("zorble"), "zorbled");
}
