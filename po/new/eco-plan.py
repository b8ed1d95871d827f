# French translations of the messages of cmd/eco-plan.c and lib/eco_model.c.
# Plural entries are tuples: (msgstr[0], msgstr[1]), keyed by the singular
# msgid; the msgid_plural is given in the comment beside them.
T = {
    # lib/eco_model.c
    "%s, no. %zu": "%s, n° %zu",
    "this objective has no id": "cet objectif n'a pas d'identifiant (id)",
    "objective « %s » has no libelle": "l'objectif « %s » n'a pas de libellé",
    "objective « %s » has no protective factor (facteur)":
        "l'objectif « %s » n'a pas de facteur de protection (facteur)",
    "objective « %s » has no desired transformation for the system « %s »":
        "l'objectif « %s » n'a pas de transformation souhaitée pour le système « %s »",
    "transformation « %s » has no libelle (the desired change)":
        "la transformation « %s » n'a pas de libellé (le changement souhaité)",
    "transformation « %s » has no indicator":
        "la transformation « %s » n'a pas d'indicateur",
    "transformation « %s » has no indicator with a target (cible)":
        "la transformation « %s » n'a aucun indicateur avec une cible",
    "transformation « %s » has no action":
        "la transformation « %s » n'a pas d'action",
    "this indicator has no id": "cet indicateur n'a pas d'identifiant (id)",
    "indicator « %s » has no libelle": "l'indicateur « %s » n'a pas de libellé",
    "indicator « %s » has no target (cible)":
        "l'indicateur « %s » n'a pas de cible",
    "indicator « %s » has no deadline: give it an echeance, or the plan a period":
        "l'indicateur « %s » n'a pas d'échéance : donnez-lui une echeance, ou donnez une période au plan",
    "indicator « %s » has no follow-up or evaluation tool (outil_suivi)":
        "l'indicateur « %s » n'a pas d'outil de suivi ou d'évaluation (outil_suivi)",
    "the deadline %s of indicator « %s » falls after the plan's period":
        "l'échéance %s de l'indicateur « %s » tombe après la période du plan",
    "the deadline %s of indicator « %s » falls before the plan's period (%s)":
        "l'échéance %s de l'indicateur « %s » tombe avant la période du plan (%s)",
    "action « %s » ends (%s) before it begins (%s)":
        "l'action « %s » finit (%s) avant de commencer (%s)",
    "action « %s » begins (%s) before the plan's period (%s)":
        "l'action « %s » commence (%s) avant la période du plan (%s)",
    "action « %s » ends (%s) after the plan's period (%s)":
        "l'action « %s » finit (%s) après la période du plan (%s)",
    "follow-up date %s of action « %s » falls outside the action or the plan":
        "la date de suivi %s de l'action « %s » tombe hors de l'action ou du plan",
    "milestone %s of action « %s » falls outside the action's dates or the plan's period":
        "le jalon du %s de l'action « %s » tombe hors des dates de l'action ou de la période du plan",
    "action « %s » has no budget": "l'action « %s » n'a pas de budget",
    "budget line « %s » of action « %s » has no funder (bailleur)":
        "la ligne de budget « %s » de l'action « %s » n'a pas de bailleur de fonds (bailleur)",
    "a budget line of action « %s » has no funder (bailleur)":
        "une ligne de budget de l'action « %s » n'a pas de bailleur de fonds (bailleur)",
    "this action has no id": "cette action n'a pas d'identifiant (id)",
    "action « %s » has no title (titre)": "l'action « %s » n'a pas de titre",
    "action « %s » has no responsable": "l'action « %s » n'a pas de responsable",
    "action « %s » has no partner (partenaires)":
        "l'action « %s » n'a pas de partenaire (partenaires)",
    "action « %s » has no start date (debut)":
        "l'action « %s » n'a pas de date de début (debut)",
    "action « %s » has no end date (fin)":
        "l'action « %s » n'a pas de date de fin (fin)",
    "action « %s » has no follow-up dates (calendrier_suivi)":
        "l'action « %s » n'a pas de dates de suivi (calendrier_suivi)",
    "the plan has no period (periode, with debut and fin)":
        "le plan n'a pas de période (periode, avec debut et fin)",
    "the plan's period has no start date (debut)":
        "la période du plan n'a pas de date de début (debut)",
    "the plan's period has no end date (fin)":
        "la période du plan n'a pas de date de fin (fin)",
    "the plan has no objective": "le plan n'a pas d'objectif",
    "follow-up date %s of the plan falls outside its period (%s to %s)":
        "la date de suivi %s du plan tombe hors de sa période (du %s au %s)",

    # cmd/eco-plan.c
    "no eco project here (no eco.yaml in this folder or above); name a file, or - for standard input":
        "pas de projet eco ici (aucun eco.yaml dans ce dossier ni au-dessus) ; nommez un fichier, ou - pour l'entrée standard",
    "this project has no %s yet: choose the priorities and objectives first (eco-priorites)":
        "ce projet n'a pas encore de %s : choisissez d'abord les priorités et les objectifs (eco-priorites)",
    "this project has no %s yet: eco-plan squelette -e writes one from the priorities":
        "ce projet n'a pas encore de %s : eco-plan squelette -e en écrit un à partir des priorités",
    "no plan in the input (kind: plan, or records from eco-plan)":
        "aucun plan dans l'entrée (kind: plan, ou des enregistrements tirés par eco-plan)",
    # msgid_plural: "%zu of %zu objectives complete"
    "%zu of %zu objective complete":
        ("%zu objectif sur %zu complet", "%zu objectifs sur %zu complets"),
    # msgid_plural: "%zu of %zu transformations complete"
    "%zu of %zu transformation complete":
        ("%zu transformation sur %zu complète", "%zu transformations sur %zu complètes"),
    # msgid_plural: "%zu of %zu indicators complete"
    "%zu of %zu indicator complete":
        ("%zu indicateur sur %zu complet", "%zu indicateurs sur %zu complets"),
    # msgid_plural: "%zu of %zu actions complete"
    "%zu of %zu action complete":
        ("%zu action sur %zu complète", "%zu actions sur %zu complètes"),
    "The plan is complete.": "Le plan est complet.",
    # msgid_plural: "%zu things to fill or fix before the plan is complete."
    "%zu thing to fill or fix before the plan is complete.":
        ("Il reste %zu élément à remplir ou à corriger avant que le plan soit complet.",
         "Il reste %zu éléments à remplir ou à corriger avant que le plan soit complet."),
    "eco's schemas cannot be read": "les schémas d'eco sont illisibles",
    "plan review": "bilan du plan",
    "action follow-up": "suivi d'action",
    "indicator deadline": "échéance d'indicateur",
    "Follow-up calendar": "Calendrier de suivi",
    "Date": "Date",
    "What": "Quoi",
    "Id": "Identifiant",
    "Responsable": "Responsable",
    "Objective": "Objectif",
    "Title": "Libellé",
    "Priority %s: %s": "Priorité %s : %s",
    "Skeleton printed by eco-plan squelette from the priorities: incomplete by design.  Fill every empty value; uncomment the other fields you need.  eco-plan verifie says what is left to fill.":
        "Squelette tiré des priorités par eco-plan squelette : il est incomplet à dessein.  Remplissez chaque valeur vide ; décommentez les autres champs utiles.  eco-plan verifie dit ce qui reste à remplir.",
    "-e writes plan.yaml in the project, but there is no eco project here (no eco.yaml in this folder or above)":
        "-e écrit plan.yaml dans le projet, mais il n'y a pas de projet eco ici (aucun eco.yaml dans ce dossier ni au-dessus)",
    "cannot lock the project: %s": "impossible de verrouiller le projet : %s",
    "the project has a plan already; eco-plan never overwrites it (without -e, the skeleton goes to standard output)":
        "le projet a déjà un plan ; eco-plan ne l'écrase jamais (sans -e, le squelette va sur la sortie standard)",
    "no objective (kind: objectif) here: the plan's objectives come from the priorities (eco-priorites, Outil 8)":
        "aucun objectif (kind: objectif) ici : les objectifs du plan viennent des priorités (eco-priorites, Outil 8)",
    "unknown subcommand « %s » (did you mean %s?)":
        "sous-commande « %s » inconnue (vouliez-vous dire %s ?)",
    "unknown subcommand « %s »": "sous-commande « %s » inconnue",
    "--entre expects two dates AAAA-MM-JJ, the first and the last day":
        "--entre attend deux dates AAAA-MM-JJ, le premier et le dernier jour",
    "--entre: %s comes after %s": "--entre : %s vient après %s",
    "-e applies to squelette only": "-e ne s'emploie qu'avec squelette",
    "--systeme, --responsable, --partenaire, --bailleur and --entre apply to records and to the calendar":
        "--systeme, --responsable, --partenaire, --bailleur et --entre s'emploient avec les enregistrements et le calendrier",
    "unknown system « %s » (did you mean %s?)":
        "système « %s » inconnu (vouliez-vous dire %s ?)",
    "unknown system « %s » (expected: enfant, famille or communaute)":
        "système « %s » inconnu (attendu : enfant, famille ou communaute)",
    "which subcommand? squelette, verifie, objectifs, transformations, indicateurs, actions or calendrier":
        "quelle sous-commande ? squelette, verifie, objectifs, transformations, indicateurs, actions ou calendrier",
}
