"""The look the views share: colours and shapes of actor types, colours of QuadClasses, dash
patterns of modalities, and what the evidence panel shows of a claim."""
from __future__ import annotations

from kg.network.claims import DENIED

#: Actor type -> (fill colour, vis-network shape). Shapes with the label below them, so that size
#: can carry centrality.
ACTOR_STYLE = {
    "Person": ("#4e79a7", "dot"),
    "Government": ("#9c755f", "square"),
    "MilitaryGovernment": ("#b07aa1", "square"),
    "MilitaryForce": ("#59a14f", "triangle"),
    "ArmedGroup": ("#e15759", "triangleDown"),
    "Insurgents": ("#b22222", "triangleDown"),
    "PoliticalParty": ("#f28e2b", "hexagon"),
    "Civilians": ("#76b7b2", "dot"),
    "Protesters": ("#edc948", "star"),
    "Media": ("#8f8a84", "diamond"),
    "InternationalOrganization": ("#17becf", "hexagon"),
    "Country": ("#8c564b", "diamond"),
    "Organization": ("#7f7f7f", "square"),
    "Actor": ("#7f7f7f", "dot"),
}



UNNAMED = "Unnamed"



#: QuadClass -> (name, line colour): blues cooperate, orange and red conflict (colour-blind safe).
QUAD_STYLE = {
    1: ("verbal cooperation", "#6baed6"),
    2: ("material cooperation", "#08519c"),
    3: ("verbal conflict", "#f28e2b"),
    4: ("material conflict", "#c62828"),
    0: ("unclassified", "#7f7f7f"),
}



#: Denied claims: a mid grey, dark enough to see on white when they are shown.
DENIED_COLOUR = "#707070"



#: Modality -> dash pattern (False for a solid line), in the order the legend lists them.
MODALITY_DASHES = {
    "asserted": False, "reported": False, "alleged": [8, 6], "planned": [8, 6],
    "hypothetical": [8, 6], DENIED: [3, 4],
}


def claim_evidence(data: dict, agent: str, target: str) -> dict:
    """What the evidence panel shows of one claim: sentence, source, article, modality, date, place."""
    evidence = {k: data.get(k, "") for k in ("type", "plover", "modality", "date", "place", "source", "article",
                                             "article_title", "published", "url", "sentence", "action_text")}
    quad = int(data.get("quad_class", 0) or 0)
    evidence.update(action=data.get("action") or data.get("type", ""), quad=QUAD_STYLE.get(quad, QUAD_STYLE[0])[0],
                    confidence=data.get("confidence", ""), agent=agent, target=target)
    return evidence
