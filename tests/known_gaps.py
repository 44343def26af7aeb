"""Table rows that state what the guide asks but the pipeline does not do yet.

Each is marked as a strict expected failure (conftest.py), so a change that
makes one pass fails until its row is taken off this list. A row is named by
its test and its parameter values (`conftest.row_key`), not by its place in
the table, so adding rows to a table leaves these marks where they are."""

KNOWN_GAPS = {
    "tests/test_context.py::test_modifiers[Previous excision with dystrophic calcification along the incision. | {}]": (
        "'prior' or 'previous' that dates a procedure still dates a calcification after it: a rule that blocked it blocked it for the procedure too, and a history's 'Previous lumpectomy' lost its prior surgery"
    ),
    "tests/test_descriptor_variants.py::test_change[Calcified plaque in the LAD. This has progressed. | None | increased]": (
        "a change word in a coordinated subject, the next sentence or a predicate after the mention is not taken yet: the rules written for it lowered the held-out change precision"
    ),
    "tests/test_descriptor_variants.py::test_change[Coarse calcification in the left breast. It is new. | None | new]": (
        "a change word in a coordinated subject, the next sentence or a predicate after the mention is not taken yet: the rules written for it lowered the held-out change precision"
    ),
    "tests/test_descriptor_variants.py::test_change[Calcified masses beside both hips, enlarged on the right (now 6 cm). | None | increased]": (
        "a change word in a coordinated subject, the next sentence or a predicate after the mention is not taken yet: the rules written for it lowered the held-out change precision"
    ),
    "tests/test_descriptor_variants.py::test_change[Calcified right hilar lymph node, enlarged compared to prior. | None | increased]": (
        "a change word in a coordinated subject, the next sentence or a predicate after the mention is not taken yet: the rules written for it lowered the held-out change precision"
    ),
    "tests/test_descriptor_variants.py::test_a_restating_finding_shares_the_distribution[Clustered calcifications in the left breast, consistent with milk of calcium. | milk of calcium]": (
        "a restating finding does not take the distribution of the finding it restates yet: the rule lowered the held-out distribution precision"
    ),
    "tests/test_descriptor_variants.py::test_a_restating_finding_shares_the_distribution[Diffuse nodular calcifications in both lower lobes, consistent with metastatic pulmonary calcification. | metastatic pulmonary calcification]": (
        "a restating finding does not take the distribution of the finding it restates yet: the rule lowered the held-out distribution precision"
    ),
    "tests/test_note_sites.py::test_note_site[Abdominal x-ray showed calcification in the right upper quadrant consistent with a gallstone and vascular calcifications in the pelvis. | vascular | {'site': 'artery', 'laterality': ''}]": (
        "a side written on another structure of the clause is still taken here: the rule that stopped it also read sides inside site phrases and lowered the held-out laterality"
    ),
    "tests/test_note_sites.py::test_note_site[Left thigh contusion two months ago. Radiograph shows calcification in the vastus lateralis. |  | {'site': 'muscle', 'laterality': 'left', 'classification': 'dystrophic'}]": (
        "a side a note gives a limb is not carried to the limb's muscles yet: the rule for it lowered the held-out laterality"
    ),
    "tests/test_note_sites.py::test_note_site[Swelling of the LEFT ARM since a fall in XXXX. X-ray shows calcification in the biceps muscle. |  | {'site': 'muscle', 'laterality': 'left'}]": (
        "a side a note gives a limb is not carried to the limb's muscles yet: the rule for it lowered the held-out laterality"
    ),
    "tests/test_note_flags.py::test_note_flags[FAMILY HISTORY:, Significant for breast cancer and breast calcifications.,SOCIAL HISTORY:, Nonsmoker. | calcifications | {family}]": (
        "a finding in a relatives' section is not marked family by the section alone: that rule lowered the held-out family accuracy"
    ),
    "tests/test_note_flags.py::test_note_flags[FAMILY HISTORY:\nNephrocalcinosis.\n\nPAST MEDICAL HISTORY:\nHypertension. | Nephrocalcinosis | {family}]": (
        "a finding in a relatives' section is not marked family by the section alone: that rule lowered the held-out family accuracy"
    ),
    "tests/test_note_flags.py::test_note_flags[FAMILY HISTORY: Negative for nephrocalcinosis. | nephrocalcinosis | {family, negated}]": (
        "a finding in a relatives' section is not marked family by the section alone: that rule lowered the held-out family accuracy"
    ),
}
