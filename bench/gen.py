#!/usr/bin/env python3
"""gen.py - a deterministic corpus of realistic plan files for make bench.

    python3 bench/gen.py [-n N] [--seed S] [--schemas DIR] [--json DIR2] DIR

writes DIR/plan-0001.yaml ... plan-NNNN.yaml: plans d'action concertés
(kind: plan, version: 1) valid against schemas/plan.schema.json, in
French, with 20 to 200 actions each and sizes from about 10 to 200 KB.
With --json, the same documents are also written as DIR2/plan-NNNN.json
(for a peer that cannot read YAML with dates as strings).  The values of
the enumerations (clientèles, statuts...) are read from the schemas, so
the corpus follows them when they change.

Only the Python standard library is used.  File i is drawn from its own
generator seeded with (seed, i): the first 200 files of a 2,000-file
corpus are the 200 files of a 200-file corpus, and the same on every
machine and Python 3 version (random.Random with an integer seed and
the methods used here are stable).
"""
import argparse
import datetime
import json
import os
import random
import re
import sys
import unicodedata

# --- vocabulary -----------------------------------------------------------

VILLES = [
    ("val-des-cedres", "Val-des-Cèdres", "Laurentides"),
    ("saint-elie", "Saint-Élie-de-Caxton", "Mauricie"),
    ("riviere-du-loup", "Rivière-du-Loup", "Bas-Saint-Laurent"),
    ("hochelaga", "Hochelaga-Maisonneuve", "Montréal"),
    ("limoilou", "Limoilou", "Capitale-Nationale"),
    ("sherbrooke-est", "Sherbrooke-Est", "Estrie"),
    ("chicoutimi-nord", "Chicoutimi-Nord", "Saguenay–Lac-Saint-Jean"),
    ("gaspe", "Gaspé", "Gaspésie–Îles-de-la-Madeleine"),
    ("rouyn", "Rouyn-Noranda", "Abitibi-Témiscamingue"),
    ("levis-desjardins", "Lévis-Desjardins", "Chaudière-Appalaches"),
    ("joliette", "Joliette", "Lanaudière"),
    ("granby", "Granby", "Montérégie"),
    ("trois-pistoles", "Trois-Pistoles", "Bas-Saint-Laurent"),
    ("baie-comeau", "Baie-Comeau", "Côte-Nord"),
    ("victoriaville", "Victoriaville", "Centre-du-Québec"),
    ("gatineau-hull", "Gatineau (secteur Hull)", "Outaouais"),
]

# (id, kind of organism, name pattern)
ORGANISMES = [
    ("cpe-soleil", "CPE Soleil levant"),
    ("cpe-petits-pas", "CPE Les Petits Pas"),
    ("cpe-arc-en-ciel", "CPE L'Arc-en-ciel"),
    ("maison-famille", "Maison de la famille"),
    ("biblio-quartier", "Bibliothèque municipale"),
    ("clsc-local", "CLSC du territoire"),
    ("ciuss-sante-publique", "Direction de santé publique du CIUSSS"),
    ("ecole-des-pins", "École primaire des Pins"),
    ("ecole-saint-joseph", "École Saint-Joseph"),
    ("centre-services-scolaire", "Centre de services scolaire"),
    ("halte-garderie", "Halte-garderie Les Lucioles"),
    ("cuisine-collective", "Cuisines collectives du quartier"),
    ("banque-alimentaire", "Moisson régionale"),
    ("ville", "Service des loisirs de la Ville"),
    ("carrefour-jeunesse", "Carrefour jeunesse-emploi"),
    ("ressource-peres", "Ressource pour pères"),
    ("organisme-immigrants", "Accueil et intégration des personnes immigrantes"),
    ("centre-femmes", "Centre de femmes L'Éclaircie"),
    ("office-habitation", "Office municipal d'habitation"),
    ("maison-des-jeunes", "Maison des jeunes"),
    ("table-concertation", "Table de concertation petite enfance"),
    ("centre-pediatrie-sociale", "Centre de pédiatrie sociale"),
    ("ludotheque", "Ludothèque Le Coffre à jouets"),
    ("popote-roulante", "Popote roulante"),
    ("comptoir-vestimentaire", "Comptoir vestimentaire Saint-Vincent"),
    ("societe-alphabetisation", "Atelier d'alphabétisation populaire"),
    ("bureau-coordination-garde", "Bureau coordonnateur de la garde en milieu familial"),
    ("centre-communautaire", "Centre communautaire du Vieux-Moulin"),
]

# (facteur id, libellé, sujet enfant, sujet famille, sujet communauté)
FACTEURS = [
    ("habitudes-lecture-parent-enfant", "l'éveil à la lecture et à l'écriture",
     "les enfants manipulent des livres et s'intéressent aux histoires",
     "les parents lisent plus souvent avec leur enfant",
     "les organismes offrent des occasions de lecture partagée accessibles"),
    ("habiletes-langagieres", "le développement du langage",
     "les enfants enrichissent leur vocabulaire et s'expriment avec plus d'aisance",
     "les parents stimulent le langage de leur enfant au quotidien",
     "les intervenants repèrent tôt les retards de langage et orientent les familles"),
    ("pratiques-parentales", "des pratiques parentales bienveillantes",
     "les enfants vivent des routines stables et sécurisantes",
     "les parents se sentent compétents et utilisent une discipline positive",
     "les services de soutien aux parents sont connus et faciles d'accès"),
    ("sentiment-competence-parentale", "le sentiment de compétence parentale",
     "les enfants bénéficient d'interactions chaleureuses avec leurs parents",
     "les parents ont confiance en leurs capacités et demandent de l'aide au besoin",
     "les organismes valorisent l'expertise des parents dans leurs activités"),
    ("saines-habitudes-vie", "les saines habitudes de vie",
     "les enfants bougent chaque jour et goûtent à des aliments variés",
     "les familles cuisinent des repas sains avec un budget limité",
     "le quartier offre des espaces de jeu actif sécuritaires et gratuits"),
    ("revenu-familial", "la sécurité alimentaire des familles",
     "les enfants mangent à leur faim tous les jours",
     "les familles connaissent les ressources alimentaires et y recourent sans gêne",
     "les organismes coordonnent l'aide alimentaire pour éviter les bris de service"),
    ("qualite-services-garde-educatifs", "la qualité des services éducatifs à l'enfance",
     "les enfants fréquentent un milieu éducatif stimulant avant l'école",
     "les familles vulnérables obtiennent une place en service de garde",
     "les éducatrices reçoivent de la formation continue sur le développement global"),
    ("transition-scolaire", "une transition harmonieuse vers l'école",
     "les enfants arrivent à la maternelle confiants et préparés",
     "les parents connaissent l'école et tissent un lien avec l'enseignante",
     "les services de garde et les écoles échangent l'information utile sur chaque enfant"),
    ("mobilisation-communaute", "le réseau de soutien des familles",
     "les enfants côtoient d'autres adultes significatifs",
     "les parents isolés créent des liens avec d'autres familles",
     "les citoyens et les organismes s'entraident autour des jeunes familles"),
    ("motricite-globale-fine", "le développement moteur",
     "les enfants développent leur motricité fine et globale par le jeu",
     "les parents proposent des jeux actifs à la maison",
     "les parcs et les locaux communautaires sont aménagés pour les tout-petits"),
    ("habiletes-socioaffectives", "les compétences sociales et affectives",
     "les enfants reconnaissent leurs émotions et coopèrent avec les autres",
     "les parents accompagnent les émotions de leur enfant sans punitions sévères",
     "les intervenants partagent des pratiques communes d'accompagnement des émotions"),
    ("accessibilite-geographique-financiere", "l'accès aux services pour les familles",
     "les enfants reçoivent les services de dépistage au bon moment",
     "les familles savent à qui s'adresser et surmontent les obstacles de transport",
     "les organismes réduisent les listes d'attente par des références concertées"),
]

VERBES_OBJ = ["Accroître", "Renforcer", "Favoriser", "Soutenir", "Améliorer",
              "Développer", "Consolider", "Promouvoir"]

ACTIONS = [
    ("Heure du conte", "heure-conte", "des séances de lecture animée d'albums pour les tout-petits et leurs parents"),
    ("Sacs à histoires", "sacs-histoires", "le prêt de sacs thématiques contenant livres, jeux et marionnettes"),
    ("Ateliers parents-enfants", "ateliers-parents", "des ateliers de jeu et d'échange animés par une intervenante"),
    ("Cuisine en famille", "cuisine-famille", "des ateliers où parents et enfants préparent ensemble des collations nutritives"),
    ("Halte-répit", "halte-repit", "quelques heures de garde gratuites pour permettre aux parents de souffler"),
    ("Visites à domicile", "visites-domicile", "des visites régulières d'une intervenante auprès des familles isolées"),
    ("Café-rencontre des pères", "cafe-peres", "des rencontres conviviales entre pères autour de thèmes choisis par eux"),
    ("Parc en mouvement", "parc-mouvement", "des animations de jeu actif dans les parcs pendant l'été"),
    ("Dépistage du langage", "depistage-langage", "des séances de dépistage des difficultés de langage avec une orthophoniste"),
    ("Passage à la maternelle", "passage-maternelle", "des visites de l'école et des activités de familiarisation avant la rentrée"),
    ("Formation des éducatrices", "formation-educatrices", "une formation continue sur l'éveil à la lecture et le développement global"),
    ("Bottin des ressources", "bottin-ressources", "un bottin imprimé et en ligne des services offerts aux familles du territoire"),
    ("Jardin collectif", "jardin-collectif", "un jardin où les familles cultivent des légumes et partagent les récoltes"),
    ("Navette vers les services", "navette-services", "un transport gratuit vers les rendez-vous de santé et les activités"),
    ("Comité de parents", "comite-parents", "un comité où des parents conseillent le regroupement sur ses actions"),
    ("Trousses d'éveil", "trousses-eveil", "la remise de trousses d'éveil aux familles à la naissance d'un enfant"),
    ("Marche des poussettes", "marche-poussettes", "des marches hebdomadaires en groupe avec les bébés et leurs parents"),
    ("Francisation des parents", "francisation", "des cours de français avec service de garde pour les parents immigrants"),
    ("Causeries sur le sommeil", "causeries-sommeil", "des causeries animées par une infirmière sur le sommeil du jeune enfant"),
    ("Fête de quartier", "fete-quartier", "une fête annuelle qui fait connaître les organismes aux nouvelles familles"),
    ("Référencement concerté", "referencement", "un protocole commun pour orienter les familles vers le bon service"),
    ("Boîtes à livres", "boites-livres", "des boîtes d'échange de livres jeunesse installées dans les lieux publics"),
    ("Ateliers de stimulation motrice", "stimulation-motrice", "des parcours moteurs animés par une kinésiologue au gymnase"),
    ("Groupe de soutien postnatal", "soutien-postnatal", "un groupe d'entraide pour les parents dans la première année"),
]

LIEUX = ["au local de la Maison de la famille", "à la bibliothèque municipale",
         "au gymnase de l'école des Pins", "au centre communautaire",
         "dans les parcs du quartier", "au domicile des familles",
         "à la salle paroissiale", "dans les installations des CPE",
         "en ligne et au CLSC", "à la cuisine communautaire"]

FREQUENCES = ["une fois par semaine", "deux fois par mois", "chaque mois",
              "chaque samedi matin", "trois fois par année",
              "de septembre à juin, chaque mercredi", "en continu",
              "une fois par année, en mai", "à la demande des familles"]

POSTES = ["animation", "salaires des intervenantes", "matériel éducatif",
          "achat de livres", "collations", "transport", "location de salle",
          "frais de garde", "impression et promotion", "formation",
          "coordination", "évaluation", "interprétation", "équipement de jeu"]

HUMAINES = ["une animatrice à 10 heures par semaine", "deux éducatrices",
            "une intervenante familiale", "des bénévoles du quartier",
            "une orthophoniste (2 jours par mois)", "une coordonnatrice",
            "une infirmière du CLSC", "une bibliothécaire jeunesse",
            "un intervenant auprès des pères", "une nutritionniste"]
MATERIELLES = ["un local adapté aux tout-petits", "des livres jeunesse",
               "des jeux éducatifs", "une cuisine équipée",
               "des tapis de motricité", "une fourgonnette", "un projecteur",
               "des bacs de rangement", "des poussettes doubles"]
FINANCIERES = ["subvention du fonds local", "contribution de la Ville",
               "dons de la fondation", "budget de fonctionnement du CPE",
               "Programme de soutien aux organismes communautaires"]

OUTILS = ["feuille de présence", "questionnaire aux parents",
          "journal de bord de l'animatrice", "registre de prêts",
          "groupe de discussion avec les parents", "grille d'observation",
          "sondage en ligne", "compte rendu de rencontre"]

APPORTS = ["prête son local gratuitement", "fournit une animatrice",
           "fait la promotion auprès des familles", "offre les collations",
           "assure le transport des familles", "prête du matériel",
           "assure la supervision clinique", "recrute les participants",
           "offre la formation aux animatrices", "accueille les inscriptions"]

INDICATEURS = [
    ("Nombre de familles rejointes", "familles", 40, 120),
    ("Proportion d'enfants vulnérables dans au moins un domaine (EQDEM)", "%", 30, 20),
    ("Emprunts de livres jeunesse à la bibliothèque", "emprunts par année", 1200, 2400),
    ("Parents qui disent lire chaque jour avec leur enfant", "%", 35, 55),
    ("Participation moyenne aux ateliers", "participants par séance", 6, 12),
    ("Délai d'attente pour une évaluation en orthophonie", "semaines", 40, 16),
    ("Enfants inscrits en service de garde éducatif", "enfants", 150, 220),
    ("Familles qui connaissent au moins trois ressources", "%", 25, 60),
    ("Références entre organismes", "références par année", 30, 90),
    ("Parents satisfaits des activités", "%", 70, 90),
    ("Enfants dépistés avant l'âge de 4 ans", "enfants", 20, 60),
    ("Heures d'animation offertes dans les parcs", "heures", 50, 150),
]

BAILLEURS = [
    ("fondation-chagnon", "Fondation Lucie et André Chagnon", "philanthropique", "Soutien aux communautés"),
    ("avenir-enfants", "Fonds local petite enfance", "philanthropique", "Fonds local petite enfance 2026-2029"),
    ("mfa", "Ministère de la Famille", "public", "Programme de soutien aux haltes-garderies"),
    ("sante-publique", "Direction régionale de santé publique", "public", "Services intégrés en périnatalité et petite enfance"),
    ("ville", "Ville", "municipal", "Politique familiale municipale"),
    ("caisse-desjardins", "Caisse Desjardins du territoire", "prive", "Fonds d'aide au développement du milieu"),
    ("centraide", "Centraide", "philanthropique", "Soutien aux projets de quartier"),
    ("club-optimiste", "Club Optimiste", "autre", "Activités jeunesse"),
]

PRENOMS = ["Julie", "Marie-Ève", "Sophie", "Nathalie", "Isabelle", "Geneviève",
           "Mélanie", "Chantal", "Karine", "Josée", "François", "Mathieu",
           "Étienne", "Jean-Philippe", "Amélie", "Noémie", "Aïcha", "Thi Lan"]
NOMS = ["Tremblay", "Gagnon", "Roy", "Côté", "Bouchard", "Gauthier", "Morin",
        "Lavoie", "Fortin", "Gagné", "Ouellet", "Pelletier", "Bélanger",
        "Lévesque", "Bergeron", "Nguyen", "Diallo", "Saint-Pierre"]

PHRASES_NOTES = [
    "Les inscriptions se font auprès de l'accueil de la Maison de la famille.",
    "À revoir après la première année selon la participation.",
    "Les parents du comité ont demandé un horaire en soirée.",
    "L'activité est offerte gratuitement ; une halte-garderie est prévue sur place.",
    "Le contenu s'inspire du programme « Lire et faire lire ».",
    "Prévoir l'interprétation en arabe et en espagnol pour les familles nouvellement arrivées.",
    "Le CLSC confirme sa participation jusqu'en juin ; la suite dépend du financement.",
    "Les données de fréquentation seront transmises chaque trimestre à la coordonnatrice.",
    "Cette action prend le relais d'un projet pilote mené en 2025 dans deux CPE.",
    "Attention : le local n'est pas accessible aux poussettes doubles en hiver.",
]

PHRASES_DESC = [
    "L'activité vise en priorité les familles à faible revenu et les parents isolés.",
    "Les animatrices reçoivent une courte formation commune avant le démarrage.",
    "Chaque séance se termine par une collation et un temps d'échange informel.",
    "Les parents repartent avec une idée simple à reprendre à la maison.",
    "Le recrutement passe par les CPE, le CLSC et les réseaux sociaux du quartier.",
    "Une attention particulière est portée aux familles nouvellement arrivées au Québec.",
    "Les enfants de 0 à 5 ans sont accueillis avec leurs frères et sœurs.",
    "Un bilan est présenté au regroupement à la fin de chaque saison.",
    "Le matériel est choisi avec les éducatrices pour refléter la diversité des familles.",
    "Les séances sont adaptées à l'âge des enfants : poupons, trottineurs et préscolaires.",
    "La promotion se fait aussi de bouche à oreille, par des parents ambassadeurs.",
    "L'horaire tient compte des quarts de travail des parents et du transport en commun.",
]

JUSTIFICATIONS = [
    "L'état de situation montre que {p} % des enfants du territoire sont vulnérables dans au moins un domaine de développement, au-dessus de la moyenne régionale.",
    "Les partenaires ont constaté que les services existants rejoignent peu les familles les plus isolées, en particulier les pères.",
    "Les données de l'EQDEM {a} indiquent un recul du développement langagier chez les enfants de maternelle du secteur.",
    "Lors de la consultation, les parents ont nommé le manque d'activités gratuites les fins de semaine comme principal obstacle.",
    "Les organismes observent une hausse des demandes d'aide alimentaire depuis {a}, surtout chez les familles monoparentales.",
]

# Enumerations: read from the schemas by load_enums(), so that the corpus
# follows the schemas as they change; these are only the fallbacks.
CLIENTELES = ["femmes-enceintes", "enfants-0-2", "enfants-3-5", "parents",
              "familles", "intervenants", "communaute"]
TYPES_ACTION = ["collective", "individuelle"]
STATUTS = ["confirme", "demande", "a-solliciter"]
TYPES_BAILLEUR = ["public", "municipal", "philanthropique", "prive", "autre"]


def load_catalogue(path):
    """Keep the factors the catalogue (data/facteurs.yaml) knows."""
    global FACTEURS
    try:
        with open(path, encoding="utf-8") as f:
            known = set(re.findall(r"^(?:id|  - id): *([a-z0-9-]+) *$", f.read(), re.M))
    except OSError:
        return
    if not known:
        return
    # a theme whose factor left the catalogue takes one of those left over
    spare = sorted(known - {f[0] for f in FACTEURS})
    out = []
    for f in FACTEURS:
        if f[0] in known:
            out.append(f)
        elif spare:
            out.append((spare.pop(0),) + f[1:])
    FACTEURS = out


def load_enums(schemas):
    """Take the enumerations the plan uses from schemas/ (a folder)."""
    global CLIENTELES, TYPES_ACTION, STATUTS, TYPES_BAILLEUR

    def get(path, *keys):
        try:
            with open(os.path.join(schemas, path), encoding="utf-8") as f:
                o = json.load(f)
            for k in keys:
                o = o[k]
            return list(o) if isinstance(o, list) and o else None
        except (OSError, ValueError, KeyError, TypeError):
            return None

    d = "$defs"
    CLIENTELES = get("defs.schema.json", d, "clientele", "enum") or CLIENTELES
    TYPES_ACTION = get("plan.schema.json", d, "action", "properties", "type",
                       "enum") or TYPES_ACTION
    STATUTS = get("plan.schema.json", d, "ligne_budget", "properties",
                  "statut", "enum") or STATUTS
    TYPES_BAILLEUR = get("plan.schema.json", d, "bailleur", "properties",
                         "type", "enum") or TYPES_BAILLEUR

SYSTEMES = ["enfant", "famille", "communaute"]

# --- YAML writing ---------------------------------------------------------

_PLAIN_OK = re.compile(r"^[A-Za-zÀ-ÿŒœ0-9][^:#\n]*$")
_RESERVED = {"true", "false", "yes", "no", "on", "off", "null", "y", "n", "~"}


def scalar(v, flow=False):
    """v as a YAML scalar: plain when a reader would take it as this string."""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        return repr(v)
    if isinstance(v, Date):
        return v.s            # plain, as people write dates
    s = v
    if (_PLAIN_OK.match(s) and s.lower() not in _RESERVED
            and not re.match(r"^[0-9+.-]", s) and not s.endswith(" ")
            and not (flow and re.search(r"[][{},]", s))
            and not re.match(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}", s)):
        return s
    if "'" not in s and "\\" not in s:
        return "'" + s + "'"
    return json.dumps(s, ensure_ascii=False)


class Date:
    """A date written plain (2027-03-15): YAML 1.1 readers see a timestamp."""
    __slots__ = ("s",)

    def __init__(self, d):
        self.s = d.isoformat()


class Block:
    """A long text written as a folded block scalar."""
    __slots__ = ("s",)

    def __init__(self, s):
        self.s = s


def fold(text, width, indent):
    words, lines, cur = text.split(" "), [], ""
    for w in words:
        if cur and len(cur) + 1 + len(w) > width:
            lines.append(cur)
            cur = w
        else:
            cur = w if not cur else cur + " " + w
    if cur:
        lines.append(cur)
    return "".join(indent + ln + "\n" for ln in lines)


def is_flow_list(v):
    return (isinstance(v, list) and v and
            all(isinstance(x, (str, Date, int)) for x in v) and
            sum(len(scalar(x, True)) + 2 for x in v) < 60)


def emit(out, v, ind):
    """Write mapping or sequence v at indentation ind (a string)."""
    if isinstance(v, dict):
        for k, x in v.items():
            emit_entry(out, ind, k + ":", x, ind)
    else:
        for x in v:
            emit_entry(out, ind, "-", x, ind, seq=True)


def emit_entry(out, ind, head, x, base, seq=False):
    if isinstance(x, dict):
        if seq:
            # first key on the dash line
            items = list(x.items())
            sub = base + "  "
            k, y = items[0]
            emit_entry(out, base, "- " + k + ":", y, sub)
            for k, y in items[1:]:
                emit_entry(out, sub, k + ":", y, sub)
        else:
            out.append(ind + head + "\n")
            emit(out, x, base + "  ")
    elif isinstance(x, list):
        if is_flow_list(x):
            out.append(ind + head + " [" + ", ".join(scalar(y, True) for y in x) + "]\n")
        else:
            out.append(ind + head + "\n")
            emit(out, x, base + "  ")
    elif isinstance(x, Block):
        out.append(ind + head + " >-\n")
        out.append(fold(x.s, 72, base + "  "))
    else:
        out.append(ind + head + " " + scalar(x) + "\n")


def to_json(v):
    if isinstance(v, dict):
        return {k: to_json(x) for k, x in v.items()}
    if isinstance(v, list):
        return [to_json(x) for x in v]
    if isinstance(v, (Date, Block)):
        return v.s
    return v


# --- one plan -------------------------------------------------------------

def slug(s):
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", s.lower()).strip("-")


def money(rng, lo, hi):
    """An amount in dollars that every validator finds a multiple of 0.01."""
    while True:
        if rng.random() < 0.7:
            v = rng.randrange(lo // 50, hi // 50 + 1) * 50
        else:
            v = round(rng.uniform(lo, hi), 2)
        q = v / 0.01
        if v >= 0 and q == int(q):
            return v


class Plan:
    def __init__(self, rng, num):
        self.rng = rng
        self.num = num
        self.r = 1.0
        self.ids = set()
        ville = rng.choice(VILLES)
        self.ville = ville
        self.start = datetime.date(rng.choice([2025, 2026, 2027]), rng.choice([4, 7, 9]), 1)
        self.end = datetime.date(self.start.year + rng.choice([2, 3, 4]), 6, 30)
        self.orgs = rng.sample(ORGANISMES, rng.randrange(8, len(ORGANISMES) + 1))
        self.bailleurs = rng.sample(BAILLEURS, rng.randrange(1, 6))

    def uid(self, base):
        base = base[:56]
        n, s = 1, base
        while s in self.ids:
            n += 1
            s = "%s-%d" % (base, n)
        self.ids.add(s)
        return s

    def date(self, a=None, b=None):
        a = a or self.start
        b = b or self.end
        return a + datetime.timedelta(days=self.rng.randrange((b - a).days + 1))

    def dates(self, k, a=None, b=None):
        a = a or self.start
        b = b or self.end
        k = min(k, (b - a).days + 1)
        s = set()
        while len(s) < k:
            s.add(self.date(a, b))
        return [Date(d) for d in sorted(s)]

    def p(self, x):
        """True with probability x scaled by the plan's richness."""
        return self.rng.random() < min(1.0, x * self.r)

    def sentences(self, pool, k):
        return " ".join(self.rng.sample(pool, k))

    def person(self):
        return "%s %s" % (self.rng.choice(PRENOMS), self.rng.choice(NOMS))

    def indicator(self, fac, first=False):
        """An indicator; the first of a transformation has a target and a
        deadline, as the method's rules ask."""
        rng = self.rng
        lib, unite, dep, cib = rng.choice(INDICATEURS)
        ind = {"id": self.uid("ind-" + slug(lib)[:30]), "libelle": lib}
        if self.p(0.9):
            ind["unite"] = unite
        if self.p(0.8):
            ind["valeur_depart"] = dep + rng.randrange(-dep // 4, dep // 4 + 1)
            ind["date_depart"] = Date(self.start - datetime.timedelta(days=rng.randrange(30, 400)))
        ind["cible"] = cib + rng.randrange(-cib // 5, cib // 5 + 1) if first or self.p(0.9) \
            else "hausse de %d %%" % rng.randrange(5, 30)
        if first or self.p(0.7):
            ind["echeance"] = Date(self.date(self.start + (self.end - self.start) // 2))
        if self.p(0.7):
            ind["outil_suivi"] = rng.choice(OUTILS)
        if self.p(0.6):
            ind["responsable_mesure"] = rng.choice(self.orgs)[0]
        if self.p(0.5):
            ind["frequence_mesure"] = rng.choice(["chaque année en juin", "chaque trimestre",
                                                  "au début et à la fin du plan", "après chaque session"])
        if self.p(0.2):
            ind["notes"] = rng.choice(PHRASES_NOTES)
        return ind

    def action(self, r):
        rng = self.rng
        titre, base, quoi = rng.choice(ACTIONS)
        resp = rng.choice(self.orgs)
        a = {"id": self.uid("act-" + base), "titre": titre}
        if self.p(0.95):
            k = max(1, min(len(PHRASES_DESC), int(rng.randint(1, 4) * r + 0.5)))
            a["description"] = Block("%s offre %s, %s. %s" % (
                resp[1], quoi, rng.choice(LIEUX), self.sentences(PHRASES_DESC, k)))
        if self.p(0.6):
            a["type"] = rng.choice(TYPES_ACTION[:1] + TYPES_ACTION)
        a["responsable"] = resp[0]
        others = [o for o in self.orgs if o is not resp]
        parts = rng.sample(others, rng.randrange(0, int(min(5, len(others)) * r) + 1))
        if parts:
            a["partenaires"] = [o[0] for o in parts]
            if self.p(0.6):
                a["contributions"] = [{"organisme": o[0], "apport": rng.choice(APPORTS)}
                                      for o in parts[:3]]
        if self.p(0.85):
            a["clientele"] = sorted(rng.sample(CLIENTELES, rng.randrange(1, 4)),
                                    key=CLIENTELES.index)
        if self.p(0.7):
            a["participants_prevus"] = rng.randrange(5, 300)
        if self.p(0.7):
            a["lieu"] = rng.choice(LIEUX)
        if self.p(0.7):
            a["frequence"] = rng.choice(FREQUENCES)
        deb = self.date(self.start, self.start + (self.end - self.start) // 2)
        fin = self.date(deb, self.end)
        a["debut"] = Date(deb)
        a["fin"] = Date(fin)
        if self.p(0.5):
            a["jalons"] = [{"date": d, "libelle": rng.choice([
                "lancement de l'activité", "bilan de mi-parcours avec les partenaires",
                "présentation des résultats au regroupement", "fin de la première session",
                "dépôt de la demande de financement", "formation des animatrices"])}
                for d in self.dates(rng.randrange(1, 4), deb, fin)]
        if self.p(0.8):
            lines = []
            for _ in range(rng.randrange(1, 2 + int(3 * r))):
                b = {"poste": rng.choice(POSTES), "montant": money(rng, 200, 25000)}
                if self.p(0.7):
                    b["bailleur"] = rng.choice(self.bailleurs)[0]
                if self.p(0.7):
                    b["statut"] = rng.choice(STATUTS)
                lines.append(b)
            a["budget"] = lines
        if self.p(0.6):
            r = {}
            for key, pool in (("humaines", HUMAINES), ("materielles", MATERIELLES),
                              ("financieres", FINANCIERES)):
                if self.p(0.7):
                    r[key] = rng.sample(pool, rng.randrange(1, 4))
            if r:
                a["ressources"] = r
        if self.p(0.7):
            a["outils_suivi"] = rng.sample(OUTILS, rng.randrange(1, 4))
        if self.p(0.8):
            a["calendrier_suivi"] = self.dates(rng.randrange(1, 5), deb, fin)
        if self.p(0.35):
            a["notes"] = self.sentences(PHRASES_NOTES, rng.randrange(1, 3))
        return a

    def build(self, nactions, r):
        rng = self.rng
        self.r = r
        nobj = max(1, min(len(FACTEURS), round(nactions / rng.uniform(9, 16))))
        ntr = 3 * nobj
        # every transformation gets at least one action; the rest at random
        counts = [1] * ntr
        for _ in range(nactions - ntr):
            counts[rng.randrange(ntr)] += 1
        facteurs = rng.sample(FACTEURS, nobj)
        vid, vnom, region = self.ville
        doc = {"kind": "plan", "version": 1,
               "id": "plan-%s-%04d" % (vid, self.num),
               "titre": "Plan d'action concerté %d-%d — %s" % (
                   self.start.year, self.end.year, vnom),
               "periode": {"debut": Date(self.start), "fin": Date(self.end)},
               "adopte_le": Date(self.start - datetime.timedelta(days=rng.randrange(10, 90)))}
        if self.p(0.5):
            doc["revise_le"] = Date(self.date())
        bl = []
        for bid, bnom, btype, prog in self.bailleurs:
            b = {"id": bid, "nom": bnom if bid != "ville" else "Ville de " + vnom,
                 "type": btype if btype in TYPES_BAILLEUR else TYPES_BAILLEUR[-1]}
            if self.p(0.7):
                b["programme"] = prog
            if self.p(0.6):
                p = self.person()
                b["contact"] = {"nom": p, "fonction": rng.choice([
                    "Conseillère en développement", "Chargé de projets",
                    "Agente de planification", "Directrice des programmes"])}
                if self.p(0.8):
                    b["contact"]["courriel"] = "%s@%s.example" % (slug(p).replace("-", "."), bid)
                if self.p(0.5):
                    b["contact"]["telephone"] = "%d 555-%04d" % (
                        rng.choice([418, 514, 450, 819, 581]), rng.randrange(10000))
            bl.append(b)
        doc["bailleurs"] = bl
        doc["calendrier_suivi"] = self.dates(rng.randrange(3, 9))
        objs = []
        c = 0
        for fac_id, fac_lib, s_enf, s_fam, s_com in facteurs:
            oid = self.uid("obj-" + fac_id[:40])
            o = {"id": oid,
                 "libelle": "%s %s chez les 0-5 ans de %s" % (
                     rng.choice(VERBES_OBJ), fac_lib, vnom),
                 "facteur": fac_id}
            if self.p(0.7):
                o["priorites"] = ["pri-%d" % i for i in sorted(rng.sample(range(1, 12), rng.randrange(1, 4)))]
            if self.p(0.8):
                o["justification"] = Block(rng.choice(JUSTIFICATIONS).format(
                    p=rng.randrange(22, 41), a=rng.choice([2017, 2022])))
            tr = {}
            for sysname, sujet in zip(SYSTEMES, (s_enf, s_fam, s_com)):
                t = {}
                if self.p(0.3):
                    t["id"] = self.uid("%s-%s" % (oid, sysname))
                t["libelle"] = sujet[0].upper() + sujet[1:]
                t["indicateurs"] = [self.indicator(fac_id, i == 0)
                                    for i in range(rng.randrange(1, 2 + int(2 * r)))]
                t["actions"] = [self.action(r) for _ in range(counts[c])]
                c += 1
                if self.p(0.15):
                    t["notes"] = rng.choice(PHRASES_NOTES)
                tr[sysname] = t
            o["transformations"] = tr
            if self.p(0.2):
                o["notes"] = rng.choice(PHRASES_NOTES)
            objs.append(o)
        doc["objectifs"] = objs
        if self.p(0.5):
            doc["notes"] = Block(self.sentences(PHRASES_NOTES, rng.randrange(1, 4)))
        return doc


def render(doc, num, vnom):
    out = ["# Plan d'action concerté du regroupement de %s\n" % vnom,
           "# Fichier généré pour le banc d'essai d'eco (bench/gen.py, n° %d).\n" % num]
    emit(out, doc, "")
    return "".join(out)


def one(seed, num):
    """File num: its tree, its number of actions and its YAML text."""
    base = random.Random(seed * 1000003 + num)
    # size: log-uniform over about 10..200 KB; actions: 20..200, as many as
    # a plan of that size plausibly holds (0.45 to 1.2 KB an action)
    target = 10600 * 18.4 ** base.random()
    lo = max(20, min(200, target / 1200))
    hi = max(lo, min(200, target / 450))
    nactions = int(round(lo * (hi / lo) ** base.random()))
    s2 = base.randrange(1 << 30)
    # richness (how many optional fields are filled in): searched so that
    # the file comes within 5 % of its size; else the closest try
    rlo, rhi, r, best = 0.02, 1.4, 0.5, None
    for _ in range(10):
        p = Plan(random.Random(s2), num)
        doc = p.build(nactions, r)
        text = render(doc, num, p.ville[1])
        n = len(text.encode("utf-8"))
        if best is None or abs(n - target) < best[0]:
            best = (abs(n - target), doc, text)
        if abs(n - target) < 0.05 * target:
            break
        if n > target:
            rhi = r
        else:
            rlo = r
        r = (rlo + rhi) / 2
    _, doc, text = best
    return doc, nactions, text


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    ap.add_argument("-n", type=int, default=2000, help="number of files (2000)")
    ap.add_argument("--seed", type=int, default=20261125)
    ap.add_argument("--json", metavar="DIR", help="also write each file as JSON here")
    ap.add_argument("--schemas", metavar="DIR",
                    default=os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                         "..", "schemas"),
                    help="where plan.schema.json and defs.schema.json are (../schemas)")
    ap.add_argument("--catalogue", metavar="FILE",
                    default=os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                         "..", "data", "facteurs.yaml"),
                    help="the protective factors (../data/facteurs.yaml)")
    ap.add_argument("dir")
    a = ap.parse_args()
    load_enums(a.schemas)
    load_catalogue(a.catalogue)
    os.makedirs(a.dir, exist_ok=True)
    if a.json:
        os.makedirs(a.json, exist_ok=True)
    total, sizes, acts = 0, [], []
    for i in range(1, a.n + 1):
        doc, nact, text = one(a.seed, i)
        data = text.encode("utf-8")
        with open(os.path.join(a.dir, "plan-%04d.yaml" % i), "wb") as f:
            f.write(data)
        if a.json:
            with open(os.path.join(a.json, "plan-%04d.json" % i), "w", encoding="utf-8") as f:
                json.dump(to_json(doc), f, ensure_ascii=False, indent=1)
                f.write("\n")
        total += len(data)
        sizes.append(len(data))
        acts.append(nact)
    sizes.sort()
    print("gen.py: %d files, %.1f MB, %d-%d actions, sizes %.1f-%.1f KB (median %.1f KB)"
          % (a.n, total / 1e6, min(acts), max(acts), sizes[0] / 1024, sizes[-1] / 1024,
             sizes[len(sizes) // 2] / 1024), file=sys.stderr)


if __name__ == "__main__":
    main()
