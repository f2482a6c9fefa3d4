//! Event mentions read from the parse (`core::event_mentions`): the committed event model finds
//! the event words of sentences written for this test, with who did what to whom, where and
//! when, and tells a negated, modal, denied or hypothetical event from one said to have happened.

use sightline::core::article::Article;
use sightline::core::event_mentions::{self, Aspect, EventMention, Tense};
use sightline::core::nlp::events::EventClass;
use sightline::core::taxonomy::Family;

fn article(text: &str) -> Article {
    // A short first line is taken as the headline; the body follows.
    use sightline::core::ingest::{Format, parse_file};
    let body = format!("Test story\n\n{text}");
    let articles = parse_file("test.txt", Format::Text, body.as_bytes()).expect("reads");
    articles.into_iter().next().expect("one article")
}

fn mentions(text: &str) -> (Article, Vec<EventMention>) {
    let a = article(text);
    let analysis = a.analyze();
    let found = event_mentions::mentions(&a, &analysis);
    (a, found)
}

/// The mention whose event word is `word`.
fn find<'a>(a: &Article, found: &'a [EventMention], word: &str) -> &'a EventMention {
    found
        .iter()
        .find(|m| &a.text[m.trigger.0..m.trigger.1] == word)
        .unwrap_or_else(|| {
            let words: Vec<&str> = found
                .iter()
                .map(|m| &a.text[m.trigger.0..m.trigger.1])
                .collect();
            panic!("{word} is not an event word; found {words:?}")
        })
}

/// Asserts the family of the event word `word` in each text.
fn assert_families(cases: &[(&str, &str, Family)]) {
    for &(text, word, family) in cases {
        let (a, found) = mentions(text);
        let m = find(&a, &found, word);
        assert_eq!(m.family, family, "{text}: {}", m.group);
    }
}

#[test]
fn who_did_what_to_whom_where_and_when() {
    let (a, found) =
        mentions("Rebels attacked the army base in Northfield on Monday, officials said.");
    let attack = find(&a, &found, "attacked");
    assert_eq!(attack.class, EventClass::Occurrence);
    assert_eq!(attack.family, Family::Conflict);
    assert_eq!(attack.tense, Tense::Past);
    assert!(attack.asserted());
    assert_eq!(
        attack.agent.as_ref().map(|x| x.text.as_str()),
        Some("Rebels")
    );
    assert_eq!(
        attack.patient.as_ref().map(|x| x.text.as_str()),
        Some("the army base")
    );
    assert_eq!(
        attack.place.as_ref().map(|x| x.text.as_str()),
        Some("Northfield")
    );
    let analysis = a.analyze();
    let time = attack.time.map(|t| analysis.timexes[t].text.as_str());
    assert_eq!(time, Some("Monday"));
    // The mention's own span runs from its agent to its place and time, not over the whole
    // sentence.
    assert_eq!(
        &a.text[attack.span.0..attack.span.1],
        "Rebels attacked the army base in Northfield on Monday"
    );
    let said = find(&a, &found, "said");
    assert_eq!(said.class, EventClass::Reporting);
    assert_eq!(said.family, Family::Statement);
    assert_eq!(
        said.time, None,
        "the date is the attack's, not the saying's"
    );
}

#[test]
fn a_passive_puts_the_by_phrase_first_and_the_subject_second() {
    let (a, found) = mentions("The bridge was destroyed by a flood in March.");
    let destroyed = find(&a, &found, "destroyed");
    assert!(destroyed.passive);
    assert_eq!(
        destroyed.agent.as_ref().map(|x| x.head.as_str()),
        Some("flood")
    );
    assert_eq!(
        destroyed.patient.as_ref().map(|x| x.text.as_str()),
        Some("The bridge")
    );
    assert!(destroyed.time.is_some());
}

/// What a predicate means can hang on its object: dropped charges are a court's act, dropped
/// prices a market's.
#[test]
fn dropped_charges_are_justice_and_dropped_prices_economy() {
    let (a, found) = mentions(
        "Prosecutors dropped all charges against the singer on Friday. \
         Oil prices dropped sharply on Monday. The lawsuit was dropped in May.",
    );
    let families: Vec<(String, Family)> = found
        .iter()
        .filter(|m| m.lemma == "drop")
        .map(|m| (a.text[m.span.0..m.span.1].to_string(), m.family))
        .collect();
    assert_eq!(families.len(), 3, "{families:?}");
    assert_eq!(families[0].1, Family::Justice, "{families:?}");
    assert_eq!(families[1].1, Family::Economy, "{families:?}");
    assert_eq!(families[2].1, Family::Justice, "{families:?}");
}

#[test]
fn negated_modal_denied_and_conditional_events_are_not_asserted() {
    let (a, found) = mentions(
        "The army did not attack the town. The minister could resign if the vote fails. \
         Police denied that officers had fired on the protesters.",
    );
    let attack = find(&a, &found, "attack");
    assert!(attack.negated && !attack.asserted());
    let resign = find(&a, &found, "resign");
    assert_eq!(resign.modality.as_deref(), Some("could"));
    assert!(resign.hypothetical);
    let fired = find(&a, &found, "fired");
    assert_eq!(fired.modality.as_deref(), Some("deny"));
    assert_eq!(fired.aspect, Aspect::Perfective);
    // The verb "fire" is shooting, the noun a disaster.
    assert_eq!(fired.family, Family::Conflict);
    let denied = find(&a, &found, "denied");
    assert!(denied.asserted(), "the denial itself happened");
}

#[test]
fn future_and_planned_events_are_told_apart_from_past_ones() {
    let (a, found) = mentions(
        "The union will strike next week. The airline plans to cut 500 jobs. \
         Workers walked out of the plant.",
    );
    assert_eq!(find(&a, &found, "strike").tense, Tense::Future);
    assert_eq!(find(&a, &found, "cut").modality.as_deref(), Some("plan"));
    let walked = find(&a, &found, "walked");
    assert!(walked.asserted());
    assert_eq!(walked.tense, Tense::Past);
}

#[test]
fn forecast_and_chances_are_not_events_that_happened() {
    let (a, found) = mentions(
        "The mayor, tipped to win the election next year, was arrested on Sunday. \
         She is the favourite to replace the governor. The bank is likely to cut jobs. \
         Rebels launched a bid to seize the port.",
    );
    for (word, governor) in [
        ("win", "tip"),
        ("replace", "favourite"),
        ("cut", "likely"),
        ("seize", "bid"),
    ] {
        let m = find(&a, &found, word);
        assert_eq!(m.modality.as_deref(), Some(governor), "{word}");
        assert!(!m.asserted(), "{word}");
    }
    assert!(find(&a, &found, "arrested").asserted());
    assert!(find(&a, &found, "launched").asserted());
}

#[test]
fn text_without_verbs_or_with_a_very_long_sentence_is_read_in_bounded_time() {
    let (_, none) = mentions("12,500 — 3.4% — 17:30 GMT — $4.2bn");
    assert!(
        none.iter()
            .all(|m| !matches!(m.pos, "NUM" | "PUNCT" | "SYM")),
        "a number or sign taken for an event"
    );
    let long = "troops attacked the town and ".repeat(400) + "left.";
    let (a, found) = mentions(&long);
    assert!(found.len() >= 300, "{} mentions", found.len());
    assert!(
        found
            .iter()
            .all(|m| m.trigger.0 < m.trigger.1 && m.trigger.1 <= a.text.len())
    );
}

#[test]
fn a_headline_never_dangles_on_a_pronoun() {
    let (a, found) = mentions("Rebels seized the town on Monday. Police stormed it a day later.");
    let seized = find(&a, &found, "seized");
    assert_eq!(
        seized.headline(&a.text).as_deref(),
        Some("Rebels seize town")
    );
    let stormed = find(&a, &found, "stormed");
    assert_eq!(
        stormed.headline(&a.text),
        None,
        "\"Police storm\" says nothing"
    );
}

#[test]
fn only_sentences_that_may_name_a_known_event_are_read_for_the_timeline() {
    // Regular and irregular inflections of known event words pass the test before the parse.
    for sentence in [
        "Rebels struck the convoy.",
        "The bridge collapsed overnight.",
        "Thousands fled the fighting.",
        "Gunmen shot two guards.",
        "Workers are striking again.",
        "The floods displaced thousands.",
    ] {
        assert!(
            event_mentions::may_name_event(sentence),
            "{sentence} may name an event"
        );
    }
    // Speech alone and sentences without an event word do not.
    for sentence in [
        "The spokesman said so.",
        "It is a blue car.",
        "Nothing to see here.",
    ] {
        assert!(
            !event_mentions::may_name_event(sentence),
            "{sentence} names no known event"
        );
    }
    let a = article("The minister said little. Protesters stormed the parliament on Monday.");
    let analysis = a.analyze();
    let known = event_mentions::known_event_mentions(&a, &analysis);
    let all = event_mentions::mentions(&a, &analysis);
    let first_sentence_end = a.text.find("little.").expect("in text") + 7;
    assert!(all.iter().any(|m| m.trigger.0 < first_sentence_end));
    assert!(
        known
            .mentions
            .iter()
            .all(|m| m.trigger.0 > first_sentence_end)
    );
    assert!(
        known
            .mentions
            .iter()
            .any(|m| &a.text[m.trigger.0..m.trigger.1] == "stormed")
    );
    // The parse of the sentence read is kept with its mentions; the other was never parsed.
    let index_of = |words: &str| {
        let at = a.text.find(words).expect("in text");
        analysis
            .sentences
            .iter()
            .position(|s| s.start <= at && at < s.end)
            .expect("a sentence")
    };
    assert!(known.parse_of(index_of("little")).is_none());
    let kept = known
        .parse_of(index_of("stormed"))
        .expect("the parse of the sentence read");
    assert!(kept.tokens.iter().any(|t| t.lemma == "storm"));
}

#[test]
fn a_participle_clause_without_its_own_subject_is_headlined_as_headlines_write_it() {
    let (a, found) = mentions("The storm hit the coast on Monday, killing 12 people.");
    let killing = find(&a, &found, "killing");
    assert_eq!(
        killing.headline(&a.text).as_deref(),
        Some("12 people killed"),
        "{killing:?}"
    );
}

#[test]
fn an_infinitive_without_its_own_subject_is_headlined_with_its_participle() {
    let (a, found) = mentions("Troops arrived in the port to restore order after the riots.");
    let restore = find(&a, &found, "restore");
    let headline = restore.headline(&a.text).unwrap_or_default();
    assert!(
        headline.starts_with("Order restored"),
        "{headline:?} {restore:?}"
    );
}

#[test]
fn a_time_is_never_the_agent_or_patient_of_an_event() {
    // "by last year" reads like a by-phrase agent; "last June" sits next to the name.
    let (a, found) = mentions(
        "The trial by last year was delayed. Voters backed Maria Lopez last June in the election.",
    );
    let trial = find(&a, &found, "trial");
    assert!(trial.agent.is_none(), "{:?}", trial.agent);
    let backed = find(&a, &found, "backed");
    let patient = backed.patient.as_ref().expect("a patient");
    assert_eq!(patient.text, "Maria Lopez");
    let headline = backed.headline(&a.text).unwrap_or_default();
    assert!(!headline.contains("June"), "{headline:?}");
}

#[test]
fn he_she_or_they_right_after_a_named_agent_is_that_agent() {
    let (a, found) =
        mentions("The finance minister lost the vote on Monday. He resigned on Tuesday.");
    let resigned = find(&a, &found, "resigned");
    let agent = resigned.agent.as_ref().expect("an agent");
    assert!(
        !agent.pronoun && agent.text.contains("minister"),
        "{agent:?}"
    );
    // The agent keeps its place in its own sentence.
    assert_eq!(&a.text[agent.start..agent.end], "He");
    assert!(
        resigned
            .headline(&a.text)
            .is_some_and(|h| h.contains("minister resigns")),
        "{:?}",
        resigned.headline(&a.text)
    );
    // Not across a sentence between, and not "they" for one person.
    let (a, found) = mentions(
        "The finance minister lost the vote on Monday. The weather was cold. He resigned on Tuesday.",
    );
    assert!(
        find(&a, &found, "resigned")
            .agent
            .as_ref()
            .is_some_and(|x| x.pronoun)
    );
    let (a, found) =
        mentions("The finance minister lost the vote on Monday. They resigned on Tuesday.");
    assert!(
        find(&a, &found, "resigned")
            .agent
            .as_ref()
            .is_some_and(|x| x.pronoun)
    );
}

/// "The Senate voted 55 to 22": a bare number is no patient for a headline ("Senate votes 55").
#[test]
fn a_bare_number_is_left_out_of_a_headline() {
    let (a, found) =
        mentions("The state senate voted 55 to 22 on Thursday to suspend the governor.");
    let voted = find(&a, &found, "voted");
    let headline = voted.headline(&a.text).unwrap_or_default();
    assert!(!headline.contains("55"), "{headline}");
}

/// "Has pressured the governor to step down": the governor has not stepped down (nor has the
/// one "whom" a relative clause says was pressured).
#[test]
fn pressure_to_act_is_no_act() {
    for (text, word) in [
        (
            "The ruling party has pressured the governor to step down.",
            "step",
        ),
        (
            "Protests grew against Governor Alvarez, whom the ruling party has pressured to resign.",
            "resign",
        ),
    ] {
        let (a, found) = mentions(text);
        let act = find(&a, &found, word);
        assert!(!act.asserted(), "{text}: {act:?}");
    }
}

/// An intention to kill is not a killing: "plotted to assassinate" and "conspired to kill" are
/// not asserted (text written for this test).
#[test]
fn a_plot_to_kill_is_no_killing() {
    let (a, found) = mentions(
        "He plotted to assassinate the president in 2002. \
         Two officers conspired to kill a judge last year.",
    );
    for word in ["assassinate", "kill"] {
        let m = find(&a, &found, word);
        assert!(!m.asserted(), "{word}: {m:?}");
    }
}

/// A passage takes in a noun's compounds ("car bombing") but not its adjectives ("deadly"), and
/// a verb's particle; the headline of a phrasal verb keeps its particle ("Chief executive
/// stepped down", not "… stepped").
#[test]
fn a_passage_holds_a_noun_s_compounds_and_a_verb_s_particle() {
    let (a, found) = mentions(
        "A deadly car bombing killed four soldiers on Sunday. \
         The chief executive was forced to step down on Tuesday.",
    );
    let bombing = find(&a, &found, "bombing");
    assert_eq!(&a.text[bombing.span.0..bombing.span.1], "car bombing");
    let step = find(&a, &found, "step");
    assert!(
        a.text[step.span.0..step.span.1].ends_with("step down on Tuesday"),
        "{}",
        &a.text[step.span.0..step.span.1]
    );
    assert_eq!(step.family, Family::Politics);
    let headline = step.headline(&a.text).expect("a headline");
    assert!(headline.ends_with("stepped down"), "{headline}");
}

/// Promoting or elevating a person is an appointment; promoting a product or a cause is not
/// (text written for this test).
#[test]
fn promoting_a_person_is_an_appointment() {
    for (text, word, appointment) in [
        (
            "The governor promoted her deputy to chief of staff.",
            "promoted",
            true,
        ),
        (
            "The mayor elevated Ana Ruiz to the post of treasurer.",
            "elevated",
            true,
        ),
        (
            "The band promoted its new album with a tour.",
            "promoted",
            false,
        ),
    ] {
        let (a, found) = mentions(text);
        let m = find(&a, &found, word);
        assert_eq!(
            m.group == "appoint",
            appointment,
            "{text}: {} {:?}",
            m.group,
            m.family
        );
        if appointment {
            assert_eq!(m.family, Family::Politics, "{text}");
        }
    }
}

#[test]
fn leaving_a_race_or_talks_is_no_retreat() {
    assert_families(&[
        (
            "The senator pulled out of the race on Friday.",
            "pulled",
            Family::Politics,
        ),
        (
            "The mayor withdrew from the election after the scandal.",
            "withdrew",
            Family::Politics,
        ),
        (
            "Her withdrawal from the contest surprised her party.",
            "withdrawal",
            Family::Politics,
        ),
        (
            "The withdrawal of the candidate came as a surprise.",
            "withdrawal",
            Family::Politics,
        ),
        (
            "The rebels withdrew from the peace talks in protest.",
            "withdrew",
            Family::Diplomacy,
        ),
        (
            "The army withdrew from the city on Friday.",
            "withdrew",
            Family::Conflict,
        ),
        (
            "The troops pulled out of the valley overnight.",
            "pulled",
            Family::Conflict,
        ),
    ]);
}

#[test]
fn ruling_a_country_is_political_a_court_ruling_justice_and_ruling_out_a_statement() {
    assert_families(&[
        (
            "The party has ruled the country since independence.",
            "ruled",
            Family::Politics,
        ),
        (
            "The general ruled Freedonia for two decades.",
            "ruled",
            Family::Politics,
        ),
        (
            "The court ruled that the search was illegal.",
            "ruled",
            Family::Justice,
        ),
        (
            "The opposition leader has ruled out any talks with the government.",
            "ruled",
            Family::Statement,
        ),
        (
            "The minister ruled out a tax rise on Monday.",
            "ruled",
            Family::Statement,
        ),
    ]);
}

#[test]
fn an_election_won_or_lost_and_a_rise_to_power_are_read_as_political() {
    assert_families(&[
        (
            "Ana Ruiz won the presidential election on Sunday.",
            "won",
            Family::Politics,
        ),
        (
            "The governor lost his seat in the landslide.",
            "lost",
            Family::Politics,
        ),
        (
            "The home team won the match on Sunday.",
            "won",
            Family::Other,
        ),
        (
            "The former guerrilla rose to power in a coup.",
            "rose",
            Family::Politics,
        ),
        (
            "Oil prices rose to a record on Monday.",
            "rose",
            Family::Economy,
        ),
    ]);
}

#[test]
fn falling_out_is_a_quarrel_not_a_fall() {
    assert_families(&[
        (
            "The two ministers fell out over the budget last year.",
            "fell",
            Family::Other,
        ),
        (
            "The president has fallen out with his deputy.",
            "fallen",
            Family::Other,
        ),
        (
            "Oil prices fell sharply on Monday.",
            "fell",
            Family::Economy,
        ),
    ]);
}

/// What a verb says its object is can make it a happening of its own: found guilty is a
/// conviction, found innocent an acquittal, found not guilty neither; the parse reading
/// "guilty" as the object of a passive counts the same.
#[test]
fn found_guilty_is_a_conviction_and_found_not_guilty_none() {
    assert_families(&[
        (
            "The court found the mayor guilty of fraud on Tuesday.",
            "found",
            Family::Justice,
        ),
        (
            "The former mayor was last night found guilty of taking bribes.",
            "found",
            Family::Justice,
        ),
        (
            "The jury found the nurse innocent of all charges.",
            "found",
            Family::Justice,
        ),
        (
            "Inspectors found the bridge unsafe in May.",
            "found",
            Family::Other,
        ),
    ]);
    let (a, found) = mentions("He was found not guilty of murder.");
    assert!(
        found
            .iter()
            .filter(|m| &a.text[m.trigger.0..m.trigger.1] == "found")
            .all(|m| m.family != Family::Justice),
        "a negated verdict is no conviction"
    );
}

/// A verb with an auxiliary of its own has its own voice even when its subject is read from
/// the clause it is joined to; one without shares the voice of the verb it joins.
#[test]
fn a_joined_verb_with_its_own_passive_is_done_to_the_shared_subject() {
    let (a, found) = mentions(
        "Ana Ruiz is likely to die in prison after the veteran builder was convicted of fraud.",
    );
    let convicted = find(&a, &found, "convicted");
    assert!(convicted.passive);
    assert!(
        convicted.agent.is_none(),
        "no one named convicted: {:?}",
        convicted.agent
    );
    let (a, found) = mentions("The general was arrested in Tarsa and extradited to Velm.");
    let extradited = find(&a, &found, "extradited");
    assert_eq!(
        extradited.patient.as_ref().map(|x| x.head.as_str()),
        Some("general")
    );
    assert!(extradited.agent.is_none());
}

/// "could consider … and still find": the joined verb shares the modal and is not asserted.
#[test]
fn a_joined_verb_without_its_own_auxiliary_shares_the_modal() {
    let (a, found) =
        mentions("The jurors could consider the other scenarios and still convict the driver.");
    let convict = find(&a, &found, "convict");
    assert_eq!(convict.modality.as_deref(), Some("could"));
    assert!(!convict.asserted());
    let (a, found) = mentions("The jurors met on Monday and convicted the driver.");
    assert!(find(&a, &found, "convicted").asserted());
}

/// Releasing a person is a court's or a jailer's act; releasing a statement, figures or a
/// video is publishing them, and releasing an album a launch.
#[test]
fn a_released_prisoner_is_justice_a_released_report_a_statement_and_an_album_a_launch() {
    assert_families(&[
        (
            "Police released the journalist from custody on Friday.",
            "released",
            Family::Justice,
        ),
        (
            "The ministry released figures on unemployment in March.",
            "released",
            Family::Statement,
        ),
        (
            "The army released a video of the raid on Tuesday.",
            "released",
            Family::Statement,
        ),
        (
            "The band released its third album in May.",
            "released",
            Family::Other,
        ),
    ]);
}

/// "for them to convict him" is a condition or a purpose, "nudging the jury towards
/// convicting him" a goal: neither says the conviction happened.
#[test]
fn what_a_for_to_infinitive_or_a_towards_clause_names_has_not_happened() {
    let (a, found) = mentions(
        "For the jury to convict the driver, the prosecution must prove that he was drunk.",
    );
    let convict = find(&a, &found, "convict");
    assert_eq!(convict.modality.as_deref(), Some("for"));
    assert!(!convict.asserted());
    let (a, found) =
        mentions("The judge was nudging the jury towards convicting the driver on Monday.");
    assert!(!find(&a, &found, "convicting").asserted());
    let (a, found) = mentions("The jury convicted the driver on Monday.");
    assert!(find(&a, &found, "convicted").asserted());
}

/// An aside after a comma ("Spector, 69, …") is not part of who did or underwent an event.
#[test]
fn an_argument_ends_at_the_comma_after_its_head() {
    let (a, found) = mentions("Mr Novak, 63, was charged with fraud on Monday.");
    let charged = find(&a, &found, "charged");
    assert_eq!(
        charged.patient.as_ref().map(|p| p.text.as_str()),
        Some("Mr Novak")
    );
    let headline = charged.headline(&a.text).unwrap_or_default();
    assert!(!headline.contains("63"), "{headline}");
}

/// "Three men arrested on Monday": a past participle after a noun, with no subject or
/// auxiliary of its own, is done to that noun.
#[test]
fn a_participle_after_a_noun_is_done_to_it() {
    let (a, found) = mentions("Three men arrested on Monday were charged with murder.");
    let arrested = find(&a, &found, "arrested");
    assert!(arrested.passive);
    assert_eq!(
        arrested.patient.as_ref().map(|p| p.text.as_str()),
        Some("Three men")
    );
    assert!(arrested.agent.is_none());
}

/// A "to" infinitive after an effort or an obligation has not happened ("vying to succeed
/// him", "will not have to vote"), but the same verbs govern real deeds as nouns ("a campaign
/// of bombings"); a participle of expectation makes a noun unreal ("the expected rise", "the
/// planned merger").
#[test]
fn efforts_obligations_and_expectations_are_not_deeds() {
    for (text, word) in [
        ("Two senators are vying to succeed the governor.", "succeed"),
        ("The mayor fought to keep the factory open.", "keep"),
        (
            "The deal means the members will not have to vote on the tax.",
            "vote",
        ),
        ("Farmers lobbied to block the merger last year.", "block"),
        (
            "Traders braced for the expected rise in interest rates.",
            "rise",
        ),
        ("Shareholders rejected the planned merger.", "merger"),
    ] {
        let (a, found) = mentions(text);
        assert!(!find(&a, &found, word).asserted(), "{text}");
    }
    for (text, word) in [
        ("The members voted on the tax on Monday.", "voted"),
        (
            "The rebels waged a campaign of bombings in the capital.",
            "bombings",
        ),
        ("The senator succeeded the governor in March.", "succeeded"),
    ] {
        let (a, found) = mentions(text);
        assert!(find(&a, &found, word).asserted(), "{text}");
    }
}

/// A time that describes a person or a thing ("the 18th-century priest", "the 1960s singer",
/// "the 2008 law") is not when the event happened; one of an event it names ("the 2008
/// election") is, and the time nearest the event word in the parse wins.
#[test]
fn a_time_describing_a_thing_does_not_date_the_event() {
    let time = |text: &str, word: &str| {
        let a = article(text);
        let analysis = a.analyze();
        let found = event_mentions::mentions(&a, &analysis);
        let m = find(&a, &found, word);
        m.time.map(|t| analysis.timexes[t].text.clone())
    };
    assert_eq!(
        time(
            "The pope led a sainthood ceremony for Father Serra, the 18th-century priest.",
            "ceremony"
        ),
        None
    );
    assert_eq!(time("Congress repealed the 2008 law.", "repealed"), None);
    assert_eq!(
        time("Fans mourned the 1960s singer on Monday.", "mourned").as_deref(),
        Some("Monday")
    );
    assert_eq!(
        time("He won the 2008 election.", "won").as_deref(),
        Some("2008")
    );
}

/// A verb with no object is headed with what it set out to do: "Senate votes to suspend
/// president", "Cabinet decides not to extend", not a bare "Senate votes".
#[test]
fn a_headline_takes_in_what_the_verb_set_out_to_do() {
    let (a, found) = mentions("The senate voted on Thursday to suspend the governor.");
    let headline = find(&a, &found, "voted")
        .headline(&a.text)
        .unwrap_or_default();
    assert!(headline.ends_with("to suspend governor"), "{headline}");
    let (a, found) = mentions("The cabinet decided not to extend the curfew.");
    let headline = find(&a, &found, "decided")
        .headline(&a.text)
        .unwrap_or_default();
    assert!(headline.contains("not to extend curfew"), "{headline}");
    let (a, found) =
        mentions("The senate voted to suspend the governor and the rebels attacked the base.");
    let headline = find(&a, &found, "attacked")
        .headline(&a.text)
        .unwrap_or_default();
    assert!(headline.ends_with("attack base"), "{headline}");
}

/// "any tax rise", "opposed to any increase": no particular happening.
#[test]
fn any_happening_is_none_in_particular() {
    let (a, found) = mentions("The members were unwilling to vote for any tax rise.");
    assert!(!find(&a, &found, "rise").asserted());
    let (a, found) = mentions("The members voted for the tax rise on Monday.");
    assert!(find(&a, &found, "rise").asserted());
}

/// "The bombing took place on Thursday", "the explosion happened in Kabul on Friday": the
/// verb only says that its subject happened, so its time and place are the subject's and it is
/// no event itself.
#[test]
fn a_verb_that_says_its_subject_happened_gives_it_its_time() {
    let text = "The bombing took place on Thursday. The explosion happened on Friday. The \
                resignation came on Saturday.";
    let a = article(text);
    let analysis = a.analyze();
    let found = event_mentions::mentions(&a, &analysis);
    for (event, verb, day) in [
        ("bombing", "took", "Thursday"),
        ("explosion", "happened", "Friday"),
        ("resignation", "came", "Saturday"),
    ] {
        let time = find(&a, &found, event)
            .time
            .map(|t| analysis.timexes[t].text.as_str());
        assert_eq!(time, Some(day), "{event}");
        assert!(find(&a, &found, verb).support, "{verb}");
    }
    let (a, found) = mentions("The delegates took their places on Thursday.");
    assert!(!find(&a, &found, "took").support);
    // Where the verb says it happened is where it happened.
    let (a, found) = mentions("The explosion happened in Kabul on Friday.");
    let explosion = find(&a, &found, "explosion");
    assert_eq!(
        explosion.place.as_ref().map(|p| p.text.as_str()),
        Some("Kabul")
    );
}

/// A noun's headline names its possessor first, as a headline writes it ("Mayor's sudden
/// resignation"), not in a "by" phrase; a "by" phrase stays one.
#[test]
fn a_nominal_headline_keeps_its_possessor() {
    for (text, word, expected) in [
        (
            "The mayor's forced resignation came on Monday.",
            "resignation",
            "Mayor's forced resignation",
        ),
        (
            "The rebels' attack on the town was repelled on Monday.",
            "attack",
            "Rebels' attack on town",
        ),
        (
            "The attack by the rebels was repelled on Monday.",
            "attack",
            "Attack by rebels",
        ),
    ] {
        let (a, found) = mentions(text);
        let headline = find(&a, &found, word).headline(&a.text);
        assert_eq!(headline.as_deref(), Some(expected), "{text}");
    }
}

/// A verb governed through another verb's complement is as uncertain as that verb's object:
/// "tried to help arrest" has not arrested, "would begin to withdraw" has not withdrawn;
/// "helped rebuild" did rebuild.
#[test]
fn doubt_reaches_through_a_chain_of_complements() {
    let (a, found) = mentions("Police tried to help arrest the mayor on Tuesday.");
    assert!(!find(&a, &found, "arrest").asserted());
    let (a, found) = mentions("The army helped rebuild the bridge on Friday.");
    assert!(find(&a, &found, "rebuild").asserted());
    let (a, found) = mentions("He said the army would begin to withdraw its troops.");
    assert!(!find(&a, &found, "withdraw").asserted());
    let (a, found) = mentions("The army began to withdraw its troops on Friday.");
    assert!(find(&a, &found, "withdraw").asserted());
}

/// A fight or war against a disease, inflation or corruption is a campaign in that field, not
/// combat; a battle against an army still is.
#[test]
fn a_fight_against_a_disease_or_inflation_is_no_combat() {
    assert_families(&[
        (
            "Doctors have waged a long battle against malaria in the region.",
            "battle",
            Family::Health,
        ),
        (
            "The central bank declared a war on inflation last year.",
            "war",
            Family::Economy,
        ),
        (
            "The rebels fought a fierce battle against the army on Monday.",
            "battle",
            Family::Conflict,
        ),
    ]);
}

/// A fight or war against crime or drugs is policing, against poverty a policy, and a
/// succession battle politics; a battle against rebels is still combat.
#[test]
fn a_fight_against_crime_or_poverty_and_a_succession_battle_are_no_combat() {
    assert_families(&[
        (
            "The government stepped up its fight against crime in the capital on Monday.",
            "fight",
            Family::Justice,
        ),
        (
            "The war on drugs in the city began in 2006.",
            "war",
            Family::Justice,
        ),
        (
            "The president launched a war on poverty in his first year.",
            "war",
            Family::Policy,
        ),
        (
            "A bitter succession battle in the ruling party ended on Monday.",
            "battle",
            Family::Politics,
        ),
        (
            "Troops fought a long battle against the rebels on Monday.",
            "battle",
            Family::Conflict,
        ),
    ]);
}

/// An attack on a decision, a budget or the press is criticism; an attack on a police station
/// is still an attack.
#[test]
fn an_attack_on_a_decision_or_the_press_is_criticism() {
    assert_families(&[
        (
            "The minister attacked the decision of the court on Monday.",
            "attacked",
            Family::Statement,
        ),
        (
            "The opposition leader attacked the new budget in parliament on Tuesday.",
            "attacked",
            Family::Statement,
        ),
        (
            "His supporters launched an attack on the press on Friday.",
            "attack",
            Family::Statement,
        ),
        (
            "Rebels attacked the police station on Monday.",
            "attacked",
            Family::Conflict,
        ),
    ]);
}

/// A killing done by a disaster or a disease is its toll, in its lane; one done by people is
/// still a killing.
#[test]
fn deaths_a_disaster_or_disease_caused_are_its_toll() {
    assert_families(&[
        (
            "The earthquake killed 300 people in the north on Monday.",
            "killed",
            Family::Disaster,
        ),
        (
            "Forty villagers were killed by the floods on Sunday.",
            "killed",
            Family::Disaster,
        ),
        (
            "Malaria kills thousands of children every year.",
            "kills",
            Family::Health,
        ),
        (
            "Gunmen killed 12 people in the north on Monday.",
            "killed",
            Family::Conflict,
        ),
        (
            "A bomb killed six people in the market on Monday.",
            "killed",
            Family::Conflict,
        ),
    ]);
}

/// Declining to act is a refusal, not a fall; shares that decline still fall.
#[test]
fn declining_to_act_is_a_refusal() {
    assert_families(&[
        (
            "The minister declined to comment on Monday.",
            "declined",
            Family::Statement,
        ),
        (
            "Shares declined 5 percent on Tuesday.",
            "declined",
            Family::Economy,
        ),
    ]);
}

/// A fight against impeachment is politics, a legal battle a lawsuit; a fight with an army
/// and a battle for a city are still combat.
#[test]
fn political_and_legal_battles_are_no_combat() {
    assert_families(&[
        (
            "The president fought impeachment in the Senate on Monday.",
            "fought",
            Family::Politics,
        ),
        (
            "The impeachment battle in the Senate began on Monday.",
            "battle",
            Family::Politics,
        ),
        (
            "The president fought a last battle against impeachment on Saturday.",
            "battle",
            Family::Politics,
        ),
        (
            "The heiress won a long legal battle against her brother.",
            "battle",
            Family::Justice,
        ),
        (
            "Rebels fought the army near the border on Monday.",
            "fought",
            Family::Conflict,
        ),
        (
            "The battle for the city began on Monday.",
            "battle",
            Family::Conflict,
        ),
    ]);
}

/// "the ones who attacked the base", "others attacked": "ones" and "others" name no one, so
/// the headline is told without them.
#[test]
fn a_headline_names_no_one_by_ones_or_others() {
    for text in [
        "The ones who attacked the base on Monday have fled.",
        "Others attacked the base on Monday.",
    ] {
        let (a, found) = mentions(text);
        let headline = find(&a, &found, "attacked")
            .headline(&a.text)
            .unwrap_or_default();
        assert_eq!(headline, "Base attacked", "{text}");
    }
}

/// A passage is the event's own words: an argument or a time far from the predicate is left
/// out of it (the words between tell other things), a near one stays, and what the mention
/// tells still takes in every argument wherever it lies.
#[test]
fn a_passage_leaves_out_an_argument_far_from_its_predicate() {
    let text = "Fred Miller, a former aide who served a prison term for fraud in the scandal, \
                died on Saturday. Police on Monday arrested the mayor.";
    let (a, found) = mentions(text);
    let died = find(&a, &found, "died");
    let passage = &a.text[died.span.0..died.span.1];
    assert_eq!(passage, "died on Saturday", "{passage}");
    assert!(!passage.contains("prison"));
    let agent = died.agent.as_ref().expect("an agent");
    assert_eq!(agent.text, "Fred Miller");
    assert!(died.reports(agent.start, agent.end));
    let arrested = find(&a, &found, "arrested");
    assert_eq!(
        &a.text[arrested.span.0..arrested.span.1],
        "Police on Monday arrested the mayor"
    );
    // What describes the argument or the predicate is no other clause's words.
    let (a, found) = mentions("John Jenkin, 23, was remanded in custody by magistrates on Friday.");
    let remanded = find(&a, &found, "remanded");
    assert_eq!(
        &a.text[remanded.span.0..remanded.span.1],
        "John Jenkin, 23, was remanded in custody by magistrates on Friday"
    );
}

/// "He" or "she" is not a named agent the article tells is of the other gender: by the title
/// it gives the name ("Mrs Merkel", "Mr Reyes") or by its noun ("the queen").
#[test]
fn he_or_she_is_no_agent_of_the_other_gender() {
    let agent_of = |text: &str, word: &str| {
        let (a, found) = mentions(text);
        find(&a, &found, word)
            .agent
            .as_ref()
            .map(|x| (x.text.clone(), x.pronoun))
    };
    let text = "Angela Merkel met Dmitry Medvedev in Berlin on Monday. He withdrew the troops on \
                Tuesday. Mrs Merkel welcomed the move.";
    assert_eq!(agent_of(text, "withdrew"), Some(("He".to_string(), true)));
    let text = "Angela Merkel met Dmitry Medvedev in Berlin on Monday. She resigned on Tuesday. \
                Mrs Merkel thanked her party.";
    assert_eq!(
        agent_of(text, "resigned"),
        Some(("Angela Merkel".to_string(), false))
    );
    let text = "The queen opened the new bridge on Monday. He resigned on Tuesday.";
    assert_eq!(agent_of(text, "resigned"), Some(("He".to_string(), true)));
}
