"""Word lists the look-alike comparison needs: what is generic in a practice's name, and what
impersonators add to an official name. Written for this project; extend here, nowhere else."""

from __future__ import annotations

TITLES = frozenset({"dr", "doctor", "mr", "mrs", "ms", "miss", "mx", "prof", "professor", "rev"})

# Words many practices share: they do not identify one practice, so they are left out of the
# "distinctive core" of a name (Harbour Light Counselling -> harbour light).
GENERIC = frozenset(
    """
    the and of at for in by with a an
    therapy therapies therapist therapists therapeutic counselling counseling counsellor counsellors counselor
    counselors psychology psychologist psychologists psychotherapy psychotherapist psychotherapists psych
    psychiatry psychiatrist mental health wellbeing wellness care clinic clinics centre center practice
    practices group services service associates partners collective consulting consultancy ltd limited llp
    inc co company cic uk hq studio studios space rooms
    """.split()
)

# Words impersonators put before or after an official name to look legitimate or to ask for money.
AFFIXES = frozenset(
    """
    official offical officiel real the team support help helpdesk desk care uk gb eu usa us info admin
    page account acct hq service services contact contactus bookings booking book appointments appts pay
    payment payments billing invoice invoices office staff verified original new backup its iam im my our
    dr doctor online live global group client clients inbox dm mail email enquiries reception fan fans
    secure app main private
    """.split()
) | GENERIC
