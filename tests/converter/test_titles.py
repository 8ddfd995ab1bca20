from converter.titles import derive, topic_title


def test_short_statement_is_its_own_title_without_markup():
    assert derive("What are _Large Language Models (LLMs)_ and how do they work?") == (
        "What are Large Language Models (LLMs) and how do they work?")


def test_premise_first_sentence_gives_way_to_the_question():
    statement = ("When biased models are used in healthcare, there can be a significant impact on lives and "
                 "on public trust in AI systems. What specific risks might result from these biases in "
                 "applications involving medical diagnoses? How might these risks affect outcomes?")
    assert derive(statement) == "What specific risks might result from these biases in applications involving medical diagnoses?"


def test_imperative_first_sentence_is_the_title():
    statement = ("Propose metrics for quantitatively evaluating the quality of embeddings. How can the "
                 "effectiveness of embeddings be assessed in tasks like semantic similarity or retrieval?")
    assert derive(statement) == "Propose metrics for quantitatively evaluating the quality of embeddings."


def test_topic_label_before_an_imperative_is_dropped():
    statement = ("Speech Recognition: Identify two suitable language models from Hugging Face for speech "
                 "recognition. Explain why you chose these models and how they can be integrated into the system.")
    assert derive(statement) == "Identify two suitable language models from Hugging Face for speech recognition."


def test_case_study_without_a_question_uses_its_header():
    statement = ("A global tech company is implementing an NLP system for three departments. Each department "
                 "requires a custom language model with high accuracy in their specific domain. The company "
                 "wants to explore different fine-tuning methods.")
    assert derive(statement, "**Fine-Tuning Methods for Custom NLP Models**") == "Fine-Tuning Methods for Custom NLP Models"


def test_topic_title_drops_glyphs_bold_and_colons():
    assert topic_title("**♣** Some of Large Language Models (LLM):") == "Some of Large Language Models (LLM)"


def test_a_follow_up_question_keeps_its_premise_when_it_points_back():
    statement = ("A delivery company wants to cut its costs across every city it serves in the next year. "
                 "Its orders arrive late. Which machine learning algorithm can save them?")
    assert len(statement) > 150
    assert derive(statement, pointers=frozenset({"them"})) == statement  # within 180 characters: whole
    assert derive(statement) == "Which machine learning algorithm can save them?"  # no pointing words configured
