# Translations of the messages of lib/eco_cycle.c, cmd/eco-demarche.c and
# cmd/eco-init.c (issue 5), for tools/po-fill.py.
T = {
    "%s: %zu documents of kind « %s », %ld wanted":
        "%s : %zu documents de sorte « %s », il en faut %ld",
    "%s: no document": "%s : aucun document",
    "%s: no document with %s": "%s : aucun document avec %s",
    "%s: no file": "%s : aucun fichier",
    "%s: no meeting held": "%s : aucune rencontre tenue",
    "%s: no meeting held with %s": "%s : aucune rencontre tenue avec %s",
    "%s: no « %s » document": "%s : aucun document « %s »",
    "%s: no « %s » document with %s": "%s : aucun document « %s » avec %s",
    "%s: « %.*s » is missing": "%s : « %.*s » manque",
    "%s: « %.*s » is missing for « %s »": "%s : « %.*s » manque pour « %s »",
    "%s; or %s": "%s ; ou %s",
    "--exemple copies the demonstration project as it is: --nom and --territoire do not apply":
        "--exemple copie le projet de démonstration tel quel : --nom et --territoire ne s'y appliquent pas",
    "--nom and --territoire expect a text": "--nom et --territoire attendent un texte",
    "A blank worksheet: « eco-gabarit %s »; each field is explained in eco-formats(5), section « %s ».":
        "Fiche vierge : « eco-gabarit %s » ; chaque champ est expliqué dans eco-formats(5), section « %s ».",
    "Command": "Commande",
    "Current stage: %d. %s\n": "Étape en cours : %d. %s\n",
    "Every objective of the cycle is done: the evaluation starts the next cycle.":
        "Tous les objectifs du cycle sont atteints : l'évaluation lance le cycle suivant.",
    "Files": "Fichiers",
    "Done when": "Atteint quand",
    "Label": "Libellé",
    "Missing": "Il manque",
    "Next steps": "Prochaines étapes",
    "Next steps:": "Prochaines étapes :",
    "No.": "N°",
    "Objective": "Objectif",
    "Objectives done: %zu of %zu\n": "Objectifs atteints : %zu sur %zu\n",
    "Outil %d: %s": "Outil %d : %s",
    "Progress": "État",
    "Retained protective factors: %zu (planning meetings: %d)\n":
        "Facteurs de protection retenus : %zu (rencontres de planification : %d)\n",
    "The cycle of the approach": "Le cycle de la démarche",
    "This file holds one document per record, each beginning with a line « --- ». Add records at the end of the file, then check it with « eco-validate %s ».":
        "Ce fichier contient un document par fiche, chacun commençant par une ligne « --- ». Ajoutez les fiches à la fin du fichier, puis vérifiez-le avec « eco-validate %s ».",
    "Tool": "Outil",
    "Tool: %s.": ["Outil : %s.", "Outils : %s."],
    "Tools": "Outils",
    "Where the project stands": "Où en est le projet",
    "Years of the plan: %zu\n": "Années du plan : %zu\n",
    "met": "fait",
    "under way": "en cours",
    "not started": "à faire",
    "no cycle in this file": "aucun cycle dans ce fichier",
    "no eco project here (no eco.yaml in this folder or above); create one with eco-init":
        "aucun projet eco ici (pas d'eco.yaml dans ce dossier ni au-dessus) ; créez-en un avec eco-init",
    "nothing was created: move these files away, or choose another folder":
        "rien n'a été créé : déplacez ces fichiers, ou choisissez un autre dossier",
    "objective « %s » is defined twice": "l'objectif « %s » est défini deux fois",
    "the cycle data lacks « %s » here, or it has the wrong type":
        "il manque « %s » ici dans les données du cycle, ou sa valeur n'a pas le bon type",
    "the cycle is not compiled into the library": "le cycle n'est pas compilé dans la bibliothèque",
    "the example project is not installed here (ECO_DATADIR names the folder that holds exemple/)":
        "le projet d'exemple n'est pas installé ici (ECO_DATADIR désigne le dossier qui contient exemple/)",
    "the worksheet has no line to hold the name or the territory":
        "la fiche n'a pas de ligne pour le nom ou le territoire",
    "this file exists already: eco-init never replaces a file":
        "ce fichier existe déjà : eco-init ne remplace jamais un fichier",
    "tool %s": ["outil %s", "outils %s"],
    "unexpected operand « %s »": "opérande en trop : « %s »",
    "unknown subcommand « %s » (expected: etat)": "sous-commande inconnue « %s » (attendu : etat)",
    "write the name of the regroupement and of its territory in this file (or give --nom and --territoire)":
        "écrivez dans ce fichier le nom du regroupement et celui de son territoire (ou donnez --nom et --territoire)",
}
