T = {
"a key must be text, not a list or a mapping": "une clé doit être du texte, pas une liste ni un tableau associatif",
"a property name must be text": "un nom de propriété doit être du texte",
"the schema is too costly to apply to this value": "le schéma est trop coûteux à appliquer à cette valeur",
}
T.update({
"Label": "Libellé",
"achieved": "atteint",
"not begun": "pas commencé",
"operand « %s » not expected here": "opérande inattendu « %s »",
"not started": "à faire",
"unexpected operand « %s »": "opérande en trop : « %s »",
"Title": "Titre",
"done": "réalisée",
})
T.update({"to-do": "tâche"})
T.update({
"Project: %s (%zu of %zu objectives of the cycle done)\n": "Projet : %s (%zu objectifs du cycle atteints sur %zu)\n",
"Next step: %s\n  $ %s\n": "Prochaine étape : %s\n  $ %s\n",
})
T.update({"objective of the cycle": "objectif du cycle"})
