# French for the messages of eco-rencontre, eco-gabarit and lib/eco_sheet.c
# (issue 5).  T maps each English msgid to its French msgstr; a message
# with a plural form maps its singular msgid to the pair (msgstr[0],
# msgstr[1]), and PLURAL gives its msgid_plural.
PLURAL = {
    ", at least %lld item": ", at least %lld items",
    "%zu meeting is already there, left as it is: %s":
        "%zu meetings are already there, left as they are: %s",
}

T = {
    # lib/eco_sheet.c: type words
    "value": "valeur",
    "list of values": "liste de valeurs",
    "code": "code",
    "list of codes": "liste de codes",
    "whole number": "entier",
    "list of whole numbers": "liste d'entiers",
    "true or false": "true ou false",
    "list of true or false": "liste de true ou false",
    "text": "texte",
    "list of texts": "liste de textes",
    "date YYYY-MM-DD": "date AAAA-MM-JJ",
    "list of dates YYYY-MM-DD": "liste de dates AAAA-MM-JJ",
    "date and time": "date et heure",
    "list of dates and times": "liste de dates et heures",
    "email address": "adresse courriel",
    "list of email addresses": "liste d'adresses courriel",
    "web address": "adresse web",
    "list of web addresses": "liste d'adresses web",
    "identifier": "identifiant",
    "list of identifiers": "liste d'identifiants",
    "reference": "référence",
    "list of references": "liste de références",
    "time HH:MM": "heure HH:MM",
    "list of times HH:MM": "liste d'heures HH:MM",
    "list of numbers": "liste de nombres",
    "amount in dollars": "montant en dollars",
    "list of amounts in dollars": "liste de montants en dollars",
    "group of fields": "groupe de champs",
    "list of groups of fields": "liste de groupes de champs",
    "list": "liste",
    "list of lists": "liste de listes",
    "number or text": "nombre ou texte",
    "list of numbers or texts": "liste de nombres ou de textes",
    ", from %s to %s": ", de %s à %s",
    ", at least %s": ", au moins %s",
    ", at most %s": ", au plus %s",
    ", at least %lld item": (", au moins %lld élément", ", au moins %lld éléments"),
    # lib/eco_sheet.c: guidance
    "When %s is « %s », also fill %s.": "Quand %s vaut « %s », remplissez aussi %s.",
    "Fill at least one of %s.": "Remplissez au moins un de ces champs : %s.",
    "required, do not change this line": "obligatoire, ne changez pas cette ligne",
    "required": "obligatoire",
    "optional": "facultatif",
    "Allowed values:": "Valeurs permises :",
    "Allowed keys:": "Clés permises :",
    "Default:": "Par défaut :",
    "Explained in eco-formats(5), section": "Expliqué dans eco-formats(5), section",
    "Each item is explained in eco-formats(5), section":
        "Chaque élément est expliqué dans eco-formats(5), section",
    "Example:": "Exemple :",
    "%s — worksheet filled with the examples (eco-gabarit --exemple %s)":
        "%s — fiche remplie avec les exemples (eco-gabarit --exemple %s)",
    "%s — worksheet to fill (eco-gabarit %s)": "%s — fiche à remplir (eco-gabarit %s)",
    "How to fill it: write each value after the colon of its line. "
    "An optional field is commented out: a « # » starts its key line and "
    "each line of its block; remove that first « # » to fill it, or leave "
    "the lines as they are. Check the worksheet with « eco-validate FILE ».":
        "Pour la remplir : écrivez chaque valeur après le deux-points de sa "
        "ligne. Un champ facultatif est désactivé : un « # » commence la ligne "
        "de sa clé et chaque ligne de son bloc ; enlevez ce premier « # » pour "
        "le remplir, ou laissez ses lignes telles quelles. Vérifiez la fiche "
        "avec « eco-validate FICHIER ».",
    "Each field is explained in eco-formats(5), section":
        "Chaque champ est expliqué dans eco-formats(5), section",
    "For each item (copy this block as many times as needed):":
        "Pour chaque élément (recopiez ce bloc autant de fois qu'il le faut) :",
    "Item %zu": "Élément %zu",
    "To type it in: « eco-gabarit %s > FILE », fill the same fields, then "
    "« eco-validate FILE »; the file starts with kind: %s and version: 1.":
        "Pour la saisir : « eco-gabarit %s > FICHIER », remplissez les mêmes "
        "champs, puis « eco-validate FICHIER » ; le fichier commence par "
        "kind: %s et version: 1.",
    "unknown kind « %s » (did you mean %s?)": "sorte inconnue « %s » (voulu : %s?)",
    "unknown kind « %s » (known kinds: %s)":
        "sorte inconnue « %s » (sortes connues : %s)",
    # cmd/eco-gabarit.c
    "which kind of worksheet? one of: %s": "quelle sorte de fiche? une de : %s",
    "« %s » is not an identifier (lowercase letters without accents, digits and hyphens)":
        "« %s » n'est pas un identifiant (lettres minuscules sans accents, "
        "chiffres et traits d'union)",
    "one kind at a time, not « %s »": "une sorte à la fois, pas « %s »",
    # cmd/eco-rencontre.c
    "no eco project here (no eco.yaml in this folder or above); use -C DOSSIER or eco-init":
        "pas de projet eco ici (pas d'eco.yaml dans ce dossier ni plus haut) ; "
        "utilisez -C DOSSIER ou eco-init",
    "%s, year %d (%d of %d)": "%s, année %d (%d sur %d)",
    "%s, year %d": "%s, année %d",
    "%s (%d of %d)": "%s (%d sur %d)",
    "done": "atteint",
    "started": "commencé",
    "not started": "pas commencé",
    "unexpected operand « %s »": "opérande inattendu « %s »",
    "Meeting %d, stage « %s », proposed by eco-rencontre planifie.\n"
    "Add the time, the place and the agenda; the objectives and the\n"
    "outils are those of Outil 2 (eco-demarche).":
        "Rencontre %d, étape « %s », proposée par eco-rencontre planifie.\n"
        "Ajoutez l'heure, le lieu et l'ordre du jour ; les objectifs et les\n"
        "outils sont ceux de l'Outil 2 (eco-demarche).",
    "written by someone else meanwhile; left as it is":
        "écrit par quelqu'un d'autre entre-temps ; laissé tel quel",
    "already there": "déjà là",
    "the file or the id %s is taken, by no meeting %d; left as it is":
        "le fichier ou l'identifiant %s est pris, mais pas par une rencontre %d ; "
        "laissé tel quel",
    "written": "écrite",
    "not written": "pas écrite",
    "%zu meeting is already there, left as it is: %s":
        ("%zu rencontre est déjà là, laissée telle quelle : %s",
         "%zu rencontres sont déjà là, laissées telles quelles : %s"),
    "No.": "N°",
    "Date": "Date",
    "Stage": "Étape",
    "Meeting": "Rencontre",
    "File": "Fichier",
    "State": "État",
    "--debut expects a date YYYY-MM-DD, not « %s »":
        "--debut attend une date AAAA-MM-JJ, pas « %s »",
    "--frequence expects a number of weeks from 1 to 52, not « %s »":
        "--frequence attend un nombre de semaines de 1 à 52, pas « %s »",
    "planifie needs --debut DATE, the date of the first meeting to write":
        "planifie demande --debut DATE, la date de la première rencontre à écrire",
    "The cycle has %zu meetings; the new ones come every %ld weeks from %s "
    "(--frequence, 4 by default).\n":
        "Le cycle compte %zu rencontres ; les nouvelles viennent toutes les %ld "
        "semaines à partir du %s (--frequence, 4 par défaut).\n",
    "Meeting %ld — %s": "Rencontre %ld — %s",
    "(no title)": "(sans titre)",
    "%s, %s minutes": "%s, %s minutes",
    "Date: %s": "Date : %s",
    "Date: not set yet": "Date : pas encore fixée",
    "Place: %s": "Lieu : %s",
    "Stage: %s (%d of %zu)": "Étape : %s (%d sur %zu)",
    "Status: %s": "Statut : %s",
    "File: %s": "Fichier : %s",
    "File: none yet (eco-rencontre planifie writes it)":
        "Fichier : pas encore (eco-rencontre planifie l'écrit)",
    "Agenda": "Ordre du jour",
    "%s (%s min)": "%s (%s min)",
    "%s %s: %s": "%s %s : %s",
    "%s: %s": "%s : %s",
    "document %d of %s": "document %d de %s",
    "%s (added)": "%s (ajouté)",
    "No point written yet.": "Aucun point n'est encore écrit.",
    "Objectives": "Objectifs",
    "%s (%s): %s": "%s (%s) : %s",
    "%s: not an objective of the cycle": "%s : n'est pas un objectif du cycle",
    "None.": "Aucun.",
    "Outils": "Outils",
    "Outil %d: %s (%s)": "Outil %d : %s (%s)",
    "Files to bring": "Fichiers à apporter",
    "%s (not there yet)": "%s (pas encore là)",
    "%s, due %s": "%s, échéance %s",
    "%s (meeting %ld)": "%s (rencontre %ld)",
    "Open to-dos of earlier meetings": "Tâches en suspens des rencontres précédentes",
    "Still missing for its objectives": "Ce qui manque encore pour ses objectifs",
    "%s: %s (%s)": "%s : %s (%s)",
    "Nothing: every objective of this meeting is reached.":
        "Rien : tous les objectifs de cette rencontre sont atteints.",
    "a meeting is given by its number, not « %s »":
        "une rencontre se désigne par son numéro, pas « %s »",
    "no meeting to come: every meeting of the cycle is held":
        "aucune rencontre à venir : toutes les rencontres du cycle sont tenues",
    "no meeting %ld: none in rencontres/, and the cycle has %zu":
        "pas de rencontre %ld : aucune dans rencontres/, et le cycle en compte %zu",
    "%s expects identifiers (lowercase letters without accents, digits, hyphens), not « %s »":
        "%s attend des identifiants (lettres minuscules sans accents, chiffres, "
        "traits d'union), pas « %s »",
    "%s goes after the --a-faire it belongs to":
        "%s se place après le --a-faire auquel il se rapporte",
    "%s expects a text, not nothing": "%s attend un texte, pas rien",
    "--echeance expects a date YYYY-MM-DD, not « %s »":
        "--echeance attend une date AAAA-MM-JJ, pas « %s »",
    "note needs something to record: --presence, --absence, --decision, --a-faire or --fait":
        "note demande quelque chose à consigner : --presence, --absence, "
        "--decision, --a-faire ou --fait",
    "« %s » is not a member of the group (did you mean %s?)":
        "« %s » n'est pas membre du regroupement (voulu : %s?)",
    "« %s » is not a member of the group": "« %s » n'est pas membre du regroupement",
    "to-do « %s » is already done": "la tâche « %s » est déjà faite",
    "« %s »: no such to-do in rencontres/ (did you mean %s?)":
        "« %s » : aucune tâche de ce nom dans rencontres/ (voulu : %s?)",
    "« %s »: no such to-do in rencontres/":
        "« %s » : aucune tâche de ce nom dans rencontres/",
    "Added by eco-rencontre note.": "Ajouté par eco-rencontre note.",
    "note needs the meeting's number": "note demande le numéro de la rencontre",
    "no meeting %ld with an id in rencontres/ (eco-rencontre planifie writes "
    "the meetings of the cycle)":
        "pas de rencontre %ld avec un identifiant dans rencontres/ "
        "(eco-rencontre planifie écrit les rencontres du cycle)",
    "To-do": "Tâche",
    "Due": "Échéance",
    "Responsible": "Responsable",
    "Description": "Description",
    "no open to-do": "aucune tâche en suspens",
    "which subcommand? planifie, ordre-du-jour, note or suivis":
        "quelle sous-commande? planifie, ordre-du-jour, note ou suivis",
    "unknown subcommand « %s » (planifie, ordre-du-jour, note or suivis)":
        "sous-commande inconnue « %s » (planifie, ordre-du-jour, note ou suivis)",
}
