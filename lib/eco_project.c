/*
 * eco_project.c - files and folders, the project, and writing files
 * without ever leaving one half written.
 *
 * Folders are read by one walker: only regular files named *.yaml or
 * *.yml are taken from them, in name order, and a folder met again below
 * itself (a symbolic link back up) is said once and not entered.
 *
 * A project is a folder whose root holds eco.yaml; commands find it by
 * walking up from where they run, as git finds .git.  The project reads
 * each of its files at most once, when a command first asks for what it
 * holds (the documents of a kind live where the registry of kinds says),
 * checks documents as eco-validate does, against the ids of the files
 * that their references can name (the schemas say which kinds, the
 * registry where those live), and names files as a person in the
 * current folder would type them.
 *
 * Writes go to a temporary file in the same folder, are flushed to
 * disk, then renamed over the target, all under an advisory lock on
 * .eco.lock, so that two commands at once, a full disk or a kill leave
 * the old file whole; a temporary file a killed write left behind is
 * removed by the next write in its folder.
 */
#define _DEFAULT_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "eco_priv.h"

int
eco_project_root(const char *start, char *out, size_t cap)
{
	/* a project's root holds its regroupement */
	const char *mark = eco_kind_find("regroupement")->home;
	char path[PATH_MAX], probe[PATH_MAX + 64];
	struct stat st;
	char *slash;

	if (!realpath(start ? start : ".", path))
		return -1;
	for (;;) {
		snprintf(probe, sizeof probe, "%s/%s", path, mark);
		if (stat(probe, &st) == 0 && S_ISREG(st.st_mode)) {
			if (strlen(path) >= cap)
				return -1;
			strcpy(out, path);
			return 0;
		}
		if (!(slash = strrchr(path, '/')) || slash == path)
			break;
		*slash = '\0';
	}
	snprintf(probe, sizeof probe, "/%s", mark);
	if (stat(probe, &st) == 0 && S_ISREG(st.st_mode) && cap > 1) {
		strcpy(out, "/");
		return 0;
	}
	errno = ENOENT;
	return -1;
}

int
eco_project_lock(const char *root)
{
	char path[PATH_MAX];
	int fd;

	snprintf(path, sizeof path, "%s/.eco.lock", root);
	if ((fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0644)) < 0)
		return -1;
	while (flock(fd, LOCK_EX) < 0)
		if (errno != EINTR) {
			close(fd);
			return -1;
		}
	return fd;
}

void
eco_project_unlock(int fd)
{
	if (fd >= 0)
		close(fd);	/* closing releases the flock */
}

/* Write all of buf to fd. */
static int
write_all(int fd, const char *buf, size_t len)
{
	while (len > 0) {
		ssize_t w = write(fd, buf, len);

		if (w < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		buf += w;
		len -= (size_t)w;
	}
	return 0;
}

int
eco_write_atomic(const char *path, const char *head, size_t headlen,
    const char *tail, size_t taillen, int must_be_new)
{
	char tmp[PATH_MAX], dir[PATH_MAX], *slash;
	struct stat st;
	int fd, dfd, saved;

	if (must_be_new && stat(path, &st) == 0) {
		errno = EEXIST;
		return -1;
	}
	if (snprintf(tmp, sizeof tmp, "%s.tmp.XXXXXX", path) >= (int)sizeof tmp) {
		errno = ENAMETOOLONG;
		return -1;
	}
	if ((fd = mkstemp(tmp)) < 0)
		return -1;
	if (!must_be_new && stat(path, &st) == 0)
		fchmod(fd, st.st_mode & 07777);
	else
		fchmod(fd, 0644);
	if (write_all(fd, head, headlen) < 0 || write_all(fd, tail, taillen) < 0 ||
	    fsync(fd) < 0)
		goto fail;
	if (close(fd) < 0) {
		fd = -1;
		goto fail;
	}
	fd = -1;
	if (must_be_new) {
		/* link fails if the name appeared meanwhile: never overwrite */
		if (link(tmp, path) < 0)
			goto fail;
		unlink(tmp);
	} else if (rename(tmp, path) < 0)
		goto fail;
	snprintf(dir, sizeof dir, "%s", path);
	if ((slash = strrchr(dir, '/')))
		*(slash == dir ? slash + 1 : slash) = '\0';
	else
		strcpy(dir, ".");
	if ((dfd = open(dir, O_RDONLY | O_DIRECTORY)) >= 0) {
		fsync(dfd);
		close(dfd);
	}
	return 0;
fail:
	saved = errno;
	if (fd >= 0)
		close(fd);
	unlink(tmp);
	errno = saved;
	return -1;
}

/* Files and folders. */

struct paths {
	char **v;
	size_t n, cap;
	int oom;
};

static void
push(struct paths *p, const char *s)
{
	char *c;

	if (p->n + 1 >= p->cap) {
		size_t cap = p->cap ? p->cap * 2 : 16;
		char **v = realloc(p->v, cap * sizeof *v);

		if (!v) {
			p->oom = 1;
			return;
		}
		p->v = v;
		p->cap = cap;
	}
	if (!(c = strdup(s))) {
		p->oom = 1;
		return;
	}
	p->v[p->n++] = c;
	p->v[p->n] = NULL;
}

static int
cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int
is_yaml_name(const char *name)
{
	size_t n = strlen(name);

	return (n > 5 && strcmp(name + n - 5, ".yaml") == 0) ||
	    (n > 4 && strcmp(name + n - 4, ".yml") == 0);
}

/* dir/name, or name alone when dir is "." */
static char *
join(const char *dir, const char *name)
{
	size_t n = strlen(dir) + strlen(name) + 2;
	char *path = malloc(n);

	if (!path)
		return NULL;
	if (strcmp(dir, ".") == 0)
		snprintf(path, n, "%s", name);
	else
		snprintf(path, n, "%s%s%s", dir,
		    *dir && dir[strlen(dir) - 1] == '/' ? "" : "/", name);
	return path;
}

#define WALK_DEPTH 64

/* The folders from the operand down to the one being read, to know a
 * loop: a folder whose device and inode are already on the way. */
struct walk {
	struct paths *p;
	struct eco_diags *d;
	dev_t dev[WALK_DEPTH + 2];
	ino_t ino[WALK_DEPTH + 2];
	size_t depth;
	struct fileid {			/* the files taken, to take each once */
		dev_t dev;
		ino_t ino;
		int used;
	} *seen;
	size_t nseen, mask;		/* a hash set of mask + 1 slots */
	size_t found;			/* YAML files met, taken or not */
};

static size_t
fileid_hash(dev_t dev, ino_t ino)
{
	return ((size_t)ino * 2654435761u) ^ (size_t)dev;
}

/* 1 when the file of st was taken already (the same file named twice,
 * or through a folder and by its name), else noted and 0. */
static int
seen_file(struct walk *w, const struct stat *st)
{
	struct fileid *v;
	size_t i, j;

	if (w->nseen * 2 >= w->mask) {
		size_t size = w->mask ? (w->mask + 1) * 2 : 64;

		if (!(v = calloc(size, sizeof *v))) {
			w->p->oom = 1;
			return 0;
		}
		for (i = 0; w->seen && i <= w->mask; i++)
			if (w->seen[i].used) {
				for (j = fileid_hash(w->seen[i].dev,
				    w->seen[i].ino) & (size - 1); v[j].used;
				    j = (j + 1) & (size - 1))
					;
				v[j] = w->seen[i];
			}
		free(w->seen);
		w->seen = v;
		w->mask = size - 1;
	}
	for (i = fileid_hash(st->st_dev, st->st_ino) & w->mask; w->seen[i].used; i = (i + 1) & w->mask)
		if (w->seen[i].dev == st->st_dev && w->seen[i].ino == st->st_ino)
			return 1;
	w->seen[i].dev = st->st_dev;
	w->seen[i].ino = st->st_ino;
	w->seen[i].used = 1;
	w->nseen++;
	return 0;
}

static void walk_dir(struct walk *, const char *dir);
void eco_paths_free(char **);

#define HISTORY_MARK ".eco-historique"

/* Whether folder dir holds a past cycle (eco_project_new_cycle). */
static int
is_history(const char *dir)
{
	char path[PATH_MAX];
	struct stat st;

	snprintf(path, sizeof path, "%s/%s", dir, HISTORY_MARK);
	return stat(path, &st) == 0;
}

/* One entry of a folder. */
static void
walk_entry(struct walk *w, const char *path, const char *name)
{
	struct stat st;
	size_t i;

	if (stat(path, &st) < 0) {
		/* a YAML name that cannot be seen: reading it says why */
		if (is_yaml_name(name)) {
			w->found++;
			push(w->p, path);
		}
		return;
	}
	if (S_ISDIR(st.st_mode)) {
		for (i = 0; i < w->depth; i++)
			if (w->dev[i] == st.st_dev && w->ino[i] == st.st_ino) {
				eco_diag_add(w->d, path, 0, 0, ECO_SEV_WARNING, NULL,
				    "%s", _("a symbolic link back to a folder above it: not followed"));
				return;
			}
		if (w->depth > WALK_DEPTH) {
			eco_diag_sys(w->d, path, "%s", _("folders nested too deeply"));
			return;
		}
		if (is_history(path))
			return;	/* a past cycle's files: not the project's */
		w->dev[w->depth] = st.st_dev;
		w->ino[w->depth++] = st.st_ino;
		walk_dir(w, path);
		w->depth--;
	} else if (is_yaml_name(name)) {
		if (S_ISREG(st.st_mode)) {
			w->found++;
			if (!seen_file(w, &st))
				push(w->p, path);
		} else
			eco_diag_add(w->d, path, 0, 0, ECO_SEV_WARNING, NULL, "%s",
			    _("not a regular file: skipped"));
	}
}

/* The names in a folder, sorted, not those that begin with ".". */
static struct paths
names_in(DIR *dp)
{
	struct paths names = { NULL, 0, 0, 0 };
	struct dirent *e;

	while ((e = readdir(dp)))
		if (e->d_name[0] != '.')
			push(&names, e->d_name);
	if (names.n > 1)
		qsort(names.v, names.n, sizeof *names.v, cmp);
	return names;
}

static void
walk_dir(struct walk *w, const char *dir)
{
	struct paths names;
	size_t first = w->p->n, i;
	char *path;
	DIR *dp;

	if (!(dp = opendir(dir))) {
		eco_diag_sys(w->d, dir, "%s", strerror(errno));
		return;
	}
	/* in name order, so that what is said comes in the same order */
	names = names_in(dp);
	closedir(dp);
	w->p->oom |= names.oom;
	for (i = 0; i < names.n; i++) {
		if (!(path = join(dir, names.v[i]))) {
			w->p->oom = 1;
			break;
		}
		walk_entry(w, path, names.v[i]);
		free(path);
	}
	eco_paths_free(names.v);
	/* Sort this folder's files by path; subfolders were inserted in
	 * place, and "a/b.yaml" comes before "a/b/c.yaml". */
	if (w->p->n > first)
		qsort(w->p->v + first, w->p->n - first, sizeof *w->p->v, cmp);
}

/* The paths of argv, folders walked, each file once; an empty folder
 * named by the user is worth a warning (warn), one of the project's
 * layout is not. */
static char **
expand(int argc, char *const *argv, struct eco_diags *d, int warn)
{
	struct paths p = { NULL, 0, 0, 0 };
	struct walk w;
	struct stat st;
	int i;

	memset(&w, 0, sizeof w);
	w.p = &p;
	w.d = d;
	for (i = 0; i < argc; i++) {
		int known = strcmp(argv[i], "-") != 0 && stat(argv[i], &st) == 0;

		if (known && S_ISDIR(st.st_mode)) {
			size_t before = w.found;

			w.dev[0] = st.st_dev;
			w.ino[0] = st.st_ino;
			w.depth = 1;
			walk_dir(&w, argv[i]);
			if (w.found == before && warn)
				eco_diag_add(d, argv[i], 0, 0, ECO_SEV_WARNING,
				    NULL, "%s", _("no YAML file in this folder"));
		} else if (!known || !S_ISREG(st.st_mode) || !seen_file(&w, &st))
			push(&p, argv[i]);
	}
	free(w.seen);
	if (!p.v && !(p.v = calloc(1, sizeof *p.v)))
		p.oom = 1;
	if (p.oom)
		eco_diag_sys(d, NULL, "%s", strerror(ENOMEM));
	return p.v;
}

char **
eco_expand(int argc, char *const *argv, struct eco_diags *d)
{
	return expand(argc, argv, d, 1);
}

void
eco_paths_free(char **v)
{
	char **p;

	if (!v)
		return;
	for (p = v; *p; p++)
		free(*p);
	free(v);
}

int
eco_commands(const char *dir, const char *prefix, char ***v, size_t *n)
{
	struct dirent *e;
	struct stat st;
	size_t i, plen = strlen(prefix);
	char *path;
	DIR *dp = opendir(dir);

	if (!dp)
		return -1;
	while ((e = readdir(dp))) {
		char **nv;

		if (strncmp(e->d_name, prefix, plen) != 0 || !e->d_name[plen])
			continue;
		for (i = 0; i < *n; i++)
			if (strcmp((*v)[i], e->d_name + plen) == 0)
				break;
		if (i < *n || !(path = join(dir, e->d_name)))
			continue;
		if (stat(path, &st) == 0 && S_ISREG(st.st_mode) &&
		    access(path, X_OK) == 0 &&
		    (nv = realloc(*v, (*n + 2) * sizeof *nv))) {
			*v = nv;
			if ((nv[*n] = strdup(e->d_name + plen)))
				nv[++*n] = NULL;
		}
		free(path);
	}
	closedir(dp);
	return 0;
}

/* Documents read from a list of paths, one after the other. */
struct eco_input {
	char *const *paths;
	size_t next;
	struct eco_reader *r;
	const struct eco_limits *lim;
	struct eco_diags *d;
	const char *unread;		/* the first path not read whole */
};

struct eco_input *
eco_input_open(char *const *paths, const struct eco_limits *lim,
    struct eco_diags *d)
{
	struct eco_input *in = calloc(1, sizeof *in);

	if (!in) {
		eco_diag_sys(d, NULL, "%s", strerror(ENOMEM));
		return NULL;
	}
	in->paths = paths;
	in->lim = lim;
	in->d = d;
	return in;
}

int
eco_input_next(struct eco_input *in, struct eco_doc **doc)
{
	*doc = NULL;
	for (;;) {
		int rc = in->r ? eco_reader_next(in->r, doc) : -1;

		if (rc > 0)
			return 1;
		if (rc < 0 && in->next && !in->unread)
			in->unread = in->paths[in->next - 1];
		eco_reader_close(in->r);
		in->r = NULL;
		if (!in->paths || !in->paths[in->next])
			return 0;
		in->r = eco_reader_open(in->paths[in->next++], in->lim, in->d);
	}
}

const char *
eco_input_unread(const struct eco_input *in)
{
	return in ? in->unread : NULL;
}

void
eco_input_close(struct eco_input *in)
{
	if (!in)
		return;
	eco_reader_close(in->r);
	free(in);
}

/* The project. */


struct pfile {
	struct eco_file f;		/* what callers see */
	char *name;			/* owned: f.name */
	struct eco_doc **docs;		/* every document read */
	size_t ndocs;
	struct eco_diags diags;		/* what reading it said */
	int unread;			/* it could not be read whole */
	dev_t dev;
	ino_t ino;
};

/* A file or folder of the layout that was read, and what walking it
 * said. */
struct home {
	char *rel;			/* "plan.yaml", "suivis/" */
	struct eco_diags diags;
};

struct eco_project {
	char *root;			/* real path; NULL: no project */
	char *dir;			/* the root as people name it: ".",
					 * "..", "examples/demo" */
	struct eco_limits lim;
	struct pfile **files;		/* in the order they were read */
	size_t nfiles;
	struct pfile **retired;		/* read again since: kept, as callers
					 * may hold their documents */
	size_t nretired;
	struct home *homes;
	size_t nhomes;
	struct eco_index *names;	/* ids and titles, built when asked */
	const char **named;		/* the homes indexed in names */
	size_t nnamed;
	int renamed;			/* names has new ids */
	const struct eco_doc ***lists;	/* arrays handed out, to free */
	size_t nlists;
	/* eco-validate's way: files checked by the caller */
	struct eco_index *index;
	dev_t *cdev;
	ino_t *cino;
	size_t nchecked;
	int copies;			/* eco_project_copies */
	int oom;
};

/* The root as a person in the current folder names it: "." and ".."
 * for the current folder and those above, a relative path below it,
 * else the real path. */
static char *
display_root(const char *real)
{
	char cwd[PATH_MAX], buf[PATH_MAX];
	size_t n = strlen(real), m, levels = 0;
	const char *p;

	if (!getcwd(cwd, sizeof cwd) || strcmp(real, "/") == 0)
		return strdup(real);
	m = strlen(cwd);
	if (strncmp(cwd, real, n) == 0 && (cwd[n] == '/' || cwd[n] == '\0')) {
		for (p = cwd + n; *p; p++)
			levels += *p == '/';
		snprintf(buf, sizeof buf, "%s", levels ? ".." : ".");
		while (levels-- > 1 && strlen(buf) + 4 < sizeof buf)
			strcat(buf, "/..");
		return strdup(buf);
	}
	if (strncmp(real, cwd, m) == 0 && real[m] == '/')
		return strdup(real + m + 1);
	if (strcmp(cwd, "/") == 0)
		return strdup(real + 1);
	return strdup(real);
}

struct eco_project *
eco_project_open(const char *dir, struct eco_diags *d)
{
	struct eco_project *p = calloc(1, sizeof *p);
	char start[PATH_MAX], real[PATH_MAX], *slash;
	struct stat st;

	if (!p) {
		eco_diag_sys(d, NULL, "%s", strerror(ENOMEM));
		return NULL;
	}
	eco_limits_default(&p->lim);
	snprintf(start, sizeof start, "%s", dir && *dir ? dir : ".");
	/* a file: the project around its folder */
	if (stat(start, &st) < 0 || !S_ISDIR(st.st_mode)) {
		if ((slash = strrchr(start, '/')))
			*(slash == start ? slash + 1 : slash) = '\0';
		else
			strcpy(start, ".");
	}
	if (eco_project_root(start, real, sizeof real) == 0 &&
	    (!(p->root = strdup(real)) || !(p->dir = display_root(real)))) {
		eco_diag_sys(d, NULL, "%s", strerror(ENOMEM));
		eco_project_close(p);
		return NULL;
	}
	return p;
}

struct eco_project *
eco_project_at(const char *root, struct eco_diags *d)
{
	struct eco_project *p = calloc(1, sizeof *p);
	char real[PATH_MAX];

	if (!p || !(p->dir = strdup(root))) {
		free(p);
		eco_diag_sys(d, NULL, "%s", strerror(ENOMEM));
		return NULL;
	}
	eco_limits_default(&p->lim);
	/* a folder that is not there holds nothing, and is no error */
	if (!(p->root = strdup(realpath(root, real) ? real : root))) {
		eco_diag_sys(d, NULL, "%s", strerror(ENOMEM));
		eco_project_close(p);
		return NULL;
	}
	return p;
}

static void
free_file(struct pfile *f)
{
	size_t i;

	for (i = 0; i < f->ndocs; i++)
		eco_doc_free(f->docs[i]);
	free(f->docs);
	eco_diags_free(&f->diags);
	free(f->name);
	free(f);
}

void
eco_project_close(struct eco_project *p)
{
	size_t i;

	if (!p)
		return;
	for (i = 0; i < p->nfiles; i++)
		free_file(p->files[i]);
	for (i = 0; i < p->nretired; i++)
		free_file(p->retired[i]);
	free(p->retired);
	for (i = 0; i < p->nhomes; i++) {
		free(p->homes[i].rel);
		eco_diags_free(&p->homes[i].diags);
	}
	for (i = 0; i < p->nlists; i++)
		free(p->lists[i]);
	free(p->lists);
	free(p->homes);
	free(p->files);
	eco_index_free(p->names);
	free(p->named);
	eco_index_free(p->index);
	free(p->cdev);
	free(p->cino);
	free(p->root);
	free(p->dir);
	free(p);
}

const char *
eco_project_dir(const struct eco_project *p)
{
	return p->dir;
}

/* A new entry for the file name (as messages name it), rel its path
 * from the root (pointing into name), or NULL for an operand. */
static struct pfile *
new_file(const char *name, const char *rel)
{
	struct pfile *f = calloc(1, sizeof *f);
	struct stat st;

	if (!f || !(f->name = strdup(name))) {
		free(f);
		return NULL;
	}
	eco_diags_init(&f->diags);
	f->f.name = f->name;
	f->f.rel = rel ? f->name + (rel - name) : f->name;
	if (strcmp(name, "-") != 0 && stat(name, &st) == 0) {
		f->dev = st.st_dev;
		f->ino = st.st_ino;
	}
	return f;
}

/* Every document of r (closed after) into f. */
static void
fill(struct eco_project *p, struct pfile *f, struct eco_reader *r)
{
	struct eco_doc *doc, **dv;

	int rc;

	f->f.opened = 1;
	while ((rc = eco_reader_next(r, &doc)) > 0) {
		if (!(dv = realloc(f->docs, (f->ndocs + 1) * sizeof *dv))) {
			eco_doc_free(doc);
			p->oom = 1;
			break;
		}
		f->docs = dv;
		f->docs[f->ndocs++] = doc;
	}
	f->unread = rc < 0;
	eco_reader_close(r);
	f->f.docs = (const struct eco_doc *const *)f->docs;
	f->f.ndocs = f->ndocs;
}

/* Read the file name into a new entry of the project. */
static struct pfile *
read_file(struct eco_project *p, const char *name, const char *rel, int input)
{
	struct pfile *f = new_file(name, rel), **v;
	struct eco_reader *r;

	if (!f || !(v = realloc(p->files, (p->nfiles + 1) * sizeof *v))) {
		if (f)
			free_file(f);
		p->oom = 1;
		return NULL;
	}
	p->files = v;
	v[p->nfiles++] = f;
	f->f.input = input;
	if ((r = eco_reader_open(name, &p->lim, &f->diags)))
		fill(p, f, r);
	else
		f->unread = 1;
	return f;
}

static struct pfile *
known(const struct eco_project *p, const char *rel)
{
	size_t i;

	for (i = 0; i < p->nfiles; i++)
		if (!p->files[i]->f.input && strcmp(p->files[i]->f.rel, rel) == 0)
			return p->files[i];
	return NULL;
}

/* The name in messages of rel, a path from the root (malloc'd). */
static char *
name_of(const struct eco_project *p, const char *rel)
{
	return join(p->dir, rel);
}

/* Read the files that paths (names from the walker) give, once. */
static void
read_paths(struct eco_project *p, char **paths)
{
	size_t skip = strcmp(p->dir, ".") == 0 ? 0 : strlen(p->dir) +
	    (p->dir[strlen(p->dir) - 1] != '/');
	char **v;

	for (v = paths; v && *v; v++)
		if (strlen(*v) > skip && !known(p, *v + skip))
			read_file(p, *v, *v + skip, 0);
}

int
eco_project_read(struct eco_project *p, const char *home, struct eco_diags *d)
{
	struct home *h;
	char *path, **paths, *one[1];
	struct stat st;
	size_t i;

	if (!p->root)
		return 0;
	for (i = 0; i < p->nhomes; i++)
		if (strcmp(p->homes[i].rel, home ? home : "") == 0)
			return 0;
	if (!(h = realloc(p->homes, (p->nhomes + 1) * sizeof *h))) {
		eco_diag_sys(d, NULL, "%s", strerror(ENOMEM));
		return -1;
	}
	p->homes = h;
	if (!(h[p->nhomes].rel = strdup(home ? home : "")) ||
	    !(path = home ? name_of(p, home) : strdup(p->dir))) {
		free(h[p->nhomes].rel);
		eco_diag_sys(d, NULL, "%s", strerror(ENOMEM));
		return -1;
	}
	h = &h[p->nhomes++];
	eco_diags_init(&h->diags);
	/* a folder ends with '/'; nothing there is nothing to read */
	if (stat(path, &st) == 0 && (!home || home[strlen(home) - 1] == '/' ?
	    S_ISDIR(st.st_mode) : S_ISREG(st.st_mode))) {
		one[0] = path;
		paths = expand(1, one, &h->diags, 0);
		read_paths(p, paths);
		eco_paths_free(paths);
	} else if (stat(path, &st) == 0 && home && !S_ISDIR(st.st_mode))
		eco_diag_add(&h->diags, path, 0, 0, ECO_SEV_WARNING, NULL, "%s",
		    _("not a regular file: skipped"));
	free(path);
	if (p->oom) {
		eco_diag_sys(d, NULL, "%s", strerror(ENOMEM));
		return -1;
	}
	return 0;
}

void
eco_file_diags(const struct eco_file *f, struct eco_diags *d)
{
	/* every eco_file is the first member of a pfile */
	eco_diags_append(d, &((const struct pfile *)f)->diags);
}

size_t
eco_project_nfiles(const struct eco_project *p)
{
	return p->nfiles;
}

const struct eco_file *
eco_project_file(const struct eco_project *p, size_t i)
{
	return i < p->nfiles ? &p->files[i]->f : NULL;
}

/* rel lies in home: the file itself, or a file under the folder. */
static int
in_home(const char *rel, const char *home)
{
	size_t n = strlen(home);

	return n && home[n - 1] == '/' ? strncmp(rel, home, n) == 0 :
	    strcmp(rel, home) == 0;
}

/* Where the ids of kind name live: its own home, or that of the kind
 * whose documents hold them; NULL when nowhere in a project. */
static const char *
ids_home(const char *name)
{
	const struct eco_kind *k = eco_kind_find(name);

	if (k && !k->home && k->ids_in)
		k = eco_kind_find(k->ids_in);
	return k ? k->home : NULL;
}

/* Keep v (an array handed out) to free it with the project. */
static const struct eco_doc *const *
hand_out(struct eco_project *p, const struct eco_doc **v)
{
	const struct eco_doc ***l = realloc(p->lists, (p->nlists + 1) * sizeof *l);

	if (!l) {
		free(v);
		return NULL;
	}
	p->lists = l;
	l[p->nlists++] = v;
	return v;
}

/* The documents that loaded of the files that keep (home or inputs). */
static const struct eco_doc *const *
collect(struct eco_project *p, const char *home, const char *kind, size_t *n)
{
	const struct eco_doc **v;
	size_t i, j, cap = 0;

	for (i = 0; i < p->nfiles; i++)
		cap += p->files[i]->ndocs;
	*n = 0;
	if (!(v = calloc(cap + 1, sizeof *v)))
		return NULL;
	for (i = 0; i < p->nfiles; i++) {
		const struct pfile *f = p->files[i];

		if (home ? f->f.input || !in_home(f->f.rel, home) : !f->f.input)
			continue;
		for (j = 0; j < f->ndocs; j++) {
			const struct eco_doc *doc = f->docs[j];
			const struct eco_node *k = eco_map_get(doc->root, "kind");

			if (doc->nerr || !doc->root || (kind && (!k ||
			    k->type != ECO_STR || strcmp(k->s, kind) != 0)))
				continue;
			v[(*n)++] = doc;
		}
	}
	return hand_out(p, v);
}

const struct eco_doc *const *
eco_project_docs(struct eco_project *p, const char *kind, size_t *n)
{
	const struct eco_kind *k = eco_kind_find(kind);
	struct eco_diags quiet;

	*n = 0;
	if (!k || !k->home || !p->root)
		return collect(p, "", kind, n);	/* none */
	/* reading problems are the check's to report */
	eco_diags_init(&quiet);
	eco_project_read(p, k->home, &quiet);
	eco_diags_free(&quiet);
	return collect(p, k->home, kind, n);
}

const char *
eco_project_name(struct eco_project *p)
{
	size_t n;
	const struct eco_doc *const *v = eco_project_docs(p, "regroupement", &n);
	const struct eco_node *nom = n ? eco_map_get(v[0]->root, "nom") : NULL;

	return nom && nom->type == ECO_STR ? nom->s : NULL;
}

/* Whether f is one of v, or the same file as one of them. */
static int
among(struct pfile *const *v, size_t n, const struct pfile *f)
{
	size_t k;

	for (k = 0; k < n; k++)
		if (v[k] == f || (v[k]->ino && v[k]->ino == f->ino &&
		    v[k]->dev == f->dev))
			return 1;
	return 0;
}

/* Index for context the documents of the files in home that are not
 * among skip (files being checked, the same file as an input). */
static void
index_home(struct eco_project *p, struct eco_index *x, const char *home,
    struct pfile *const *skip, size_t nskip, struct eco_diags *quiet)
{
	size_t i, j;

	if (!home || eco_project_read(p, home, quiet) < 0)
		return;
	for (i = 0; i < p->nfiles; i++) {
		const struct pfile *f = p->files[i];

		if (f->f.input || !in_home(f->f.rel, home) ||
		    among(skip, nskip, f))
			continue;
		if (f->unread)
			eco_index_unread(x, f->f.name);
		for (j = 0; j < f->ndocs; j++)
			if (!f->docs[j]->nerr)
				eco_rules_doc(x, f->docs[j], quiet);
			else
				eco_index_unread(x, f->f.name);
	}
}

/* The kinds a reference tree names, added to v (without repeats). */
static void
tree_kinds(const struct eco_reftree *t, const char **v, size_t *n, size_t cap)
{
	size_t i;

	if (!t)
		return;
	if (t->kind) {
		for (i = 0; i < *n && strcmp(v[i], t->kind) != 0; i++)
			;
		if (i == *n && *n < cap)
			v[(*n)++] = t->kind;
	}
	for (i = 0; i < t->nkeys; i++)
		tree_kinds(t->keys[i].t, v, n, cap);
	for (i = 0; i < t->npats; i++)
		tree_kinds(t->pats[i].t, v, n, cap);
	for (i = 0; i < t->nprefix; i++)
		tree_kinds(t->prefix[i], v, n, cap);
	tree_kinds(t->other, v, n, cap);
	tree_kinds(t->items, v, n, cap);
}

#define MAXKINDS 64

static void
add_home(const char **homes, size_t *n, const char *home)
{
	size_t i;

	for (i = 0; home && i < *n; i++)
		if (strcmp(homes[i], home) == 0)
			return;
	if (home && *n < MAXKINDS)
		homes[(*n)++] = home;
}

/*
 * The context of the documents of sel, being checked: the files where
 * the ids their references can name live (their schemas say which
 * kinds, the registry where those are kept), and home when not NULL,
 * each read and indexed once for its ids.
 */
static void
index_context(struct eco_project *p, struct eco_index *x,
    struct pfile *const *sel, size_t nsel, const char *home,
    struct eco_diags *quiet)
{
	const char *kinds[MAXKINDS], *homes[MAXKINDS];
	const struct eco_kind *k;
	size_t n = 0, nh = 0, i, j;

	for (i = 0; i < nsel; i++)
		for (j = 0; j < sel[i]->ndocs; j++)
			if ((k = eco_kind_of(sel[i]->docs[j]->root)))
				tree_kinds(eco_kind_refs(k, quiet), kinds, &n, MAXKINDS);
	add_home(homes, &nh, home);
	/* sectors are named by the rules (free text is allowed), not the
	 * schemas: their ids live in eco.yaml */
	add_home(homes, &nh, ids_home("secteur"));
	for (i = 0; i < n; i++) {
		add_home(homes, &nh, ids_home(kinds[i]));
		if ((k = eco_kind_find(kinds[i])) && k->also)
			add_home(homes, &nh, ids_home(k->also));
	}
	eco_index_context(x);
	for (i = 0; i < nh; i++)
		index_home(p, x, homes[i], sel, nsel, quiet);
}

/* Check the files of sel with x, then the project rules. */
static size_t
check_files(struct eco_project *p, struct eco_index *x, struct pfile **sel,
    size_t nsel, struct eco_diags *d)
{
	struct eco_diags quiet;
	size_t before = d->nerr, i, j;

	for (i = 0; i < nsel; i++) {
		eco_diags_append(d, &sel[i]->diags);
		if (sel[i]->unread)
			eco_index_unread(x, sel[i]->f.name);
		for (j = 0; j < sel[i]->ndocs; j++)
			eco_kind_check(sel[i]->docs[j], x, d);
	}
	eco_diags_init(&quiet);
	index_context(p, x, sel, nsel, NULL, &quiet);
	eco_diags_free(&quiet);
	eco_rules_project(x, d);
	return d->nerr - before;
}

size_t
eco_project_check(struct eco_project *p, const char *const *kinds,
    struct eco_diags *d)
{
	const char *homes[MAXKINDS];
	struct eco_index *x = eco_index_new();
	struct pfile **sel = calloc(p->nfiles + 1, sizeof *sel);
	size_t nh = 0, nsel = 0, i, j, nerr;
	const struct eco_kind *k;

	if (!x || !sel)
		goto oom;
	if (p->root) {
		eco_index_project(x);
		homes[nh++] = eco_kind_find("regroupement")->home;
	}
	if (p->copies)
		eco_index_copies(x);
	for (i = 0; p->root && kinds && kinds[i] && nh < MAXKINDS; i++) {
		if (!(k = eco_kind_find(kinds[i])) || !k->home)
			continue;
		for (j = 0; j < nh && strcmp(homes[j], k->home) != 0; j++)
			;
		if (j == nh)	/* several kinds may share a home */
			homes[nh++] = k->home;
	}
	for (i = 0; i < nh; i++)
		if (eco_project_read(p, homes[i], d) < 0)
			goto oom;
	free(sel);
	if (!(sel = calloc(p->nfiles + 1, sizeof *sel)))
		goto oom;
	for (i = 0; i < p->nhomes; i++)
		for (j = 0; j < nh; j++)
			if (strcmp(p->homes[i].rel, homes[j]) == 0)
				eco_diags_append(d, &p->homes[i].diags);
	/* the operands, then the files of the homes, each once */
	for (i = 0; i < p->nfiles; i++)
		if (p->files[i]->f.input)
			sel[nsel++] = p->files[i];
	for (i = 0; i < p->nfiles; i++)
		for (j = 0; j < nh && !p->files[i]->f.input; j++)
			if (in_home(p->files[i]->f.rel, homes[j])) {
				if (!among(sel, nsel, p->files[i]))
					sel[nsel++] = p->files[i];
				break;
			}
	nerr = check_files(p, x, sel, nsel, d);
	eco_index_free(x);
	free(sel);
	return nerr;
oom:
	eco_index_free(x);
	free(sel);
	eco_diag_sys(d, NULL, "%s", strerror(ENOMEM));
	return 1;
}

void
eco_project_copies(struct eco_project *p)
{
	p->copies = 1;
}

int
eco_project_inputs(struct eco_project *p, int argc, char *const *argv,
    struct eco_diags *d)
{
	char **paths = eco_expand(argc, argv, d), **v;

	for (v = paths; v && *v; v++)
		read_file(p, *v, NULL, 1);
	eco_paths_free(paths);
	if (!paths || p->oom) {
		eco_diag_sys(d, NULL, "%s", strerror(ENOMEM));
		return -1;
	}
	return 0;
}

const struct eco_doc *const *
eco_project_input_docs(struct eco_project *p, size_t *n)
{
	return collect(p, NULL, NULL, n);
}

/* Index home's ids and titles in p->names, once. */
static void
name_home(struct eco_project *p, const char *home, struct eco_diags *quiet)
{
	const char **v;
	size_t i;

	for (i = 0; i < p->nnamed; i++)
		if (strcmp(p->named[i], home) == 0)
			return;
	if (!(v = realloc(p->named, (p->nnamed + 1) * sizeof *v)))
		return;
	p->named = v;
	v[p->nnamed++] = home;
	index_home(p, p->names, home, NULL, 0, quiet);
	p->renamed = 1;
}

/* The index of the ids of kind and their titles, up to date; NULL
 * when memory runs out. */
static struct eco_index *
names(struct eco_project *p, const char *kind)
{
	const char *home = ids_home(kind);
	const struct eco_kind *k;
	struct eco_diags quiet;

	if (!p->names) {
		if (!(p->names = eco_index_new()))
			return NULL;
		/* ids only: references are not followed */
		eco_index_context(p->names);
		eco_index_titles(p->names);
		p->nnamed = 0;
		p->renamed = 1;
	}
	/* eco's own ids (the catalogue, the cycle) only for what is asked */
	if (eco_index_want(p->names, kind))
		p->renamed = 1;
	if ((k = eco_kind_find(kind)) && k->also &&
	    eco_index_want(p->names, k->also))
		p->renamed = 1;
	eco_diags_init(&quiet);
	if (home && p->root)
		name_home(p, home, &quiet);
	if (p->renamed)
		eco_rules_project(p->names, &quiet);	/* eco's own ids too */
	p->renamed = 0;
	eco_diags_free(&quiet);
	return p->names;
}

const char *
eco_project_title(struct eco_project *p, const char *kind, const char *id)
{
	struct eco_index *x = names(p, kind);
	const struct eco_kind *k = eco_kind_find(kind);
	const char *t = x ? eco_index_title(x, kind, id) : NULL;

	/* an objective is the plan's */
	if (!t && x && k && k->also)
		t = eco_index_title(x, k->also, id);
	return t;
}

int
eco_project_has(struct eco_project *p, const char *kind, const char *id)
{
	struct eco_index *x = names(p, kind);

	return x && eco_index_has(x, kind, id);
}

size_t
eco_project_ids(struct eco_project *p, const char *kind, const char **out,
    size_t max)
{
	struct eco_index *x = eco_kind_find(kind) ? names(p, kind) : NULL;

	return x ? eco_index_ids(x, kind, out, max) : 0;
}

const char *
eco_project_rel(const struct eco_project *p, const char *name)
{
	size_t i;

	for (i = 0; i < p->nfiles; i++)
		if (!p->files[i]->f.input && strcmp(p->files[i]->name, name) == 0)
			return p->files[i]->f.rel;
	return NULL;
}

int
eco_project_has_file(const struct eco_project *p, const char *rel)
{
	size_t i;

	for (i = 0; i < p->nfiles; i++)
		if (!p->files[i]->f.input && strcmp(p->files[i]->f.rel, rel) == 0)
			return p->files[i]->f.opened;
	return 0;
}

/* eco-validate's way: the caller checks files, the project the rest. */

int
eco_project_checked(struct eco_project *p, const char *path,
    struct eco_index *x)
{
	struct stat st;
	dev_t *dv;
	ino_t *iv;

	if (!p->index) {
		if (!(p->index = eco_index_new()))
			return -1;
		if (p->root)
			eco_index_project(p->index);
	}
	if (path && strcmp(path, "-") != 0 && stat(path, &st) == 0) {
		if (!(dv = realloc(p->cdev, (p->nchecked + 1) * sizeof *dv)))
			return -1;
		p->cdev = dv;
		if (!(iv = realloc(p->cino, (p->nchecked + 1) * sizeof *iv)))
			return -1;
		p->cino = iv;
		dv[p->nchecked] = st.st_dev;
		iv[p->nchecked++] = st.st_ino;
	}
	return x ? eco_index_merge(p->index, x) : 0;
}

static int
was_checked(const struct eco_project *p, const char *path)
{
	struct stat st;
	size_t i;

	if (stat(path, &st) < 0)
		return 0;
	for (i = 0; i < p->nchecked; i++)
		if (p->cdev[i] == st.st_dev && p->cino[i] == st.st_ino)
			return 1;
	return 0;
}

void
eco_project_finish(struct eco_project *p, struct eco_diags *d)
{
	struct eco_diags quiet;
	struct eco_input *in;
	struct eco_doc *doc;
	char **paths = NULL, **v, *one[1];
	size_t n, i;

	if (!p->index && eco_project_checked(p, NULL, NULL) < 0) {
		eco_diag_sys(d, NULL, "%s", strerror(ENOMEM));
		return;
	}
	eco_diags_init(&quiet);
	if (p->root) {
		/* the files not checked, for their ids; none is kept */
		one[0] = p->dir;
		paths = eco_expand(1, one, &quiet);
		for (v = paths, n = 0; v && *v; v++)
			if (!was_checked(p, *v))
				paths[n++] = *v;
			else
				free(*v);
		if (paths)
			paths[n] = NULL;
		eco_index_context(p->index);
		if ((in = eco_input_open(paths, &p->lim, &quiet))) {
			while (eco_input_next(in, &doc) > 0) {
				if (doc->nerr)
					eco_index_unread(p->index, doc->file);
				else
					eco_rules_doc(p->index, doc, &quiet);
				eco_doc_free(doc);
			}
			if (eco_input_unread(in))
				eco_index_unread(p->index, eco_input_unread(in));
			eco_input_close(in);
		}
		for (i = 0; paths && paths[i]; i++)
			free(paths[i]);
		free(paths);
	}
	eco_diags_free(&quiet);
	eco_rules_project(p->index, d);
}

/* Writing records. */

/* Forget the files of home, to read them again: their entries are
 * retired, not freed. */
static int
forget(struct eco_project *p, const char *home)
{
	struct pfile **v;
	size_t i, n;

	for (i = 0; i < p->nhomes; i++)
		if (strcmp(p->homes[i].rel, home) == 0) {
			free(p->homes[i].rel);
			eco_diags_free(&p->homes[i].diags);
			p->homes[i] = p->homes[--p->nhomes];
			break;
		}
	if (!(v = realloc(p->retired, (p->nretired + p->nfiles + 1) * sizeof *v)))
		return -1;
	p->retired = v;
	for (i = n = 0; i < p->nfiles; i++)
		if (!p->files[i]->f.input && in_home(p->files[i]->f.rel, home))
			v[p->nretired++] = p->files[i];
		else
			p->files[n++] = p->files[i];
	p->nfiles = n;
	return 0;
}

/* NAME.yaml.tmp.XXXXXX, NAME.yml.tmp.XXXXXX: what eco_write_atomic
 * leaves when it is killed. */
static int
stale_name(const char *s)
{
	size_t n = strlen(s), i;
	char base[NAME_MAX + 1];

	if (n < 12 || n - 11 > NAME_MAX || strncmp(s + n - 11, ".tmp.", 5) != 0)
		return 0;
	for (i = n - 6; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') ||
		    (s[i] >= '0' && s[i] <= '9')))
			return 0;
	memcpy(base, s, n - 11);
	base[n - 11] = '\0';
	return is_yaml_name(base);
}

/* Under the lock, no write is under way: a temporary file in the folder
 * of path was left by a write that was killed.  Each removal is a note. */
static void
clean_stale(const char *path, struct eco_diags *d)
{
	char dir[PATH_MAX], *slash, *tmp;
	struct dirent *e;
	struct stat st;
	DIR *dp;

	snprintf(dir, sizeof dir, "%s", path);
	if ((slash = strrchr(dir, '/')))
		*(slash == dir ? slash + 1 : slash) = '\0';
	else
		strcpy(dir, ".");
	if (!(dp = opendir(dir)))
		return;
	while ((e = readdir(dp)))
		if (stale_name(e->d_name) && (tmp = join(dir, e->d_name))) {
			if (lstat(tmp, &st) == 0 && S_ISREG(st.st_mode) &&
			    unlink(tmp) == 0)
				eco_diag_add(d, tmp, 0, 0, ECO_SEV_NOTE, NULL, "%s",
				    _("removed: a temporary file left by an interrupted write"));
			free(tmp);
		}
	closedir(dp);
}

/* The whole of a file; NULL and a diagnostic when it cannot be read. */
static char *
slurp(const char *path, size_t *len, struct eco_diags *d)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL, *nb;
	size_t cap = 0, n;

	*len = 0;
	if (!f) {
		eco_diag_sys(d, path, "%s", strerror(errno));
		return NULL;
	}
	do {
		if (*len + 4096 + 1 > cap) {
			if (!(nb = realloc(buf, cap = cap ? cap * 2 : 8192))) {
				eco_diag_sys(d, path, "%s", strerror(ENOMEM));
				goto fail;
			}
			buf = nb;
		}
		n = fread(buf + *len, 1, cap - *len - 1, f);
		*len += n;
	} while (n > 0);
	if (ferror(f)) {
		eco_diag_sys(d, path, "%s", strerror(errno ? errno : EIO));
		goto fail;
	}
	fclose(f);
	buf[*len] = '\0';
	return buf;
fail:
	fclose(f);
	free(buf);
	return NULL;
}

/* The record's text, with a fresh id of its kind offered to it. */
static char *
render(struct eco_project *p, struct eco_record *rec, size_t *len,
    struct eco_diags *d)
{
	const struct eco_kind *k = eco_kind_find(rec->kind);
	struct eco_diags quiet;
	struct eco_index *x;
	char *buf = NULL;
	FILE *f;
	size_t n;
	int rc;

	rec->id[0] = '\0';
	if (rec->prefix && k && (x = eco_index_new())) {
		eco_diags_init(&quiet);
		eco_index_context(x);
		index_home(p, x, k->home, NULL, 0, &quiet);
		index_home(p, x, rec->file, NULL, 0, &quiet);
		for (n = 1; n < 100000; n++) {
			snprintf(rec->id, sizeof rec->id, "%s%zu", rec->prefix, n);
			if (!eco_index_has(x, rec->kind, rec->id))
				break;
		}
		eco_index_free(x);
		eco_diags_free(&quiet);
	}
	if (!(f = open_memstream(&buf, len))) {
		eco_diag_sys(d, NULL, "%s", strerror(ENOMEM));
		return NULL;
	}
	rc = rec->render(f, rec->id, rec->arg);
	if (fclose(f) != 0 || rc < 0) {
		eco_diag_sys(d, NULL, "%s", strerror(ENOMEM));
		free(buf);
		return NULL;
	}
	return buf;
}

/* The documents of text, as those of the file name (rel from the
 * root) will be; what reading them says is in the entry's diagnostics. */
static struct pfile *
parse(struct eco_project *p, const char *name, const char *rel,
    const char *buf, size_t len, struct eco_diags *d)
{
	struct pfile *f = new_file(name, rel);
	struct eco_reader *r;

	if (!f) {
		eco_diag_sys(d, NULL, "%s", strerror(ENOMEM));
		return NULL;
	}
	if ((r = eco_reader_mem(buf, len, name, &p->lim, &f->diags)))
		fill(p, f, r);
	else
		f->unread = 1;
	return f;
}

/*
 * Check the documents of f from first on, in the project's context (its
 * earlier documents, the homes of what they name, the home of their
 * kind); 0 when they are valid and of kind (when not NULL).
 */
static int
check_new(struct eco_project *p, struct pfile *f, size_t first,
    const char *kind, int unchecked, struct eco_diags *d)
{
	struct pfile fresh = *f;
	struct pfile *sel[1] = { &fresh };
	struct eco_diags quiet;
	struct eco_index *x;
	size_t before = d->nerr, i;

	eco_diags_append(d, &f->diags);
	if (d->nerr > before || unchecked)
		return d->nerr > before ? -1 : 0;
	for (i = first; kind && i < f->ndocs; i++)
		if (!eco_kind_of(f->docs[i]->root) ||
		    strcmp(eco_kind_of(f->docs[i]->root)->name, kind) != 0)
			eco_diag_add(d, f->name, f->docs[i]->root->line,
			    f->docs[i]->root->col, ECO_SEV_ERROR, "schema",
			    _("a record of kind « %s » is expected here"), kind);
	if (!(x = eco_index_new())) {
		eco_diag_sys(d, NULL, "%s", strerror(ENOMEM));
		return -1;
	}
	eco_index_project(x);
	fresh.docs = f->docs + first;
	fresh.ndocs = f->ndocs - first;
	for (i = 0; i < fresh.ndocs; i++)
		eco_kind_check(fresh.docs[i], x, d);
	eco_diags_init(&quiet);
	/* the context: the file's earlier documents, then the homes */
	index_context(p, x, sel, 1, kind ? eco_kind_find(kind)->home : NULL,
	    &quiet);
	for (i = 0; i < first; i++)
		eco_rules_doc(x, f->docs[i], &quiet);
	eco_diags_free(&quiet);
	eco_rules_project(x, d);
	eco_index_free(x);
	return d->nerr > before ? -1 : 0;
}

/* Keep f as the project's file rel, the one there was retired. */
static void
replace(struct eco_project *p, struct pfile *f)
{
	struct pfile **v;
	struct stat st;

	if (forget(p, f->f.rel) < 0 ||
	    !(v = realloc(p->files, (p->nfiles + 1) * sizeof *v))) {
		free_file(f);
		return;
	}
	p->files = v;
	if (stat(f->name, &st) == 0) {
		f->dev = st.st_dev;
		f->ino = st.st_ino;
	}
	v[p->nfiles++] = f;
}

/* Written: f is the project's file now, the text the caller's. */
static int
keep(struct eco_project *p, struct eco_record *rec, struct pfile **f,
    char **text)
{
	replace(p, *f);
	*f = NULL;
	rec->text = *text;
	*text = NULL;
	return 0;
}

/* The end of a write, written or not: returns rc. */
static int
finish(int rc, int lock, struct pfile *f, char *text, char *path)
{
	if (f)
		free_file(f);
	eco_project_unlock(lock);
	free(text);
	free(path);
	return rc;
}

/* What append and create share: the lock, the stale files, the fresh
 * state of the kind's home; the write itself is theirs.  Returns the
 * lock (or -2 for a dry run), -1 on failure. */
static int
begin(struct eco_project *p, struct eco_record *rec, const char *path,
    struct eco_diags *d)
{
	const struct eco_kind *k = rec->kind ? eco_kind_find(rec->kind) : NULL;
	int lock = -2;

	rec->text = NULL;
	if (!p->root) {
		eco_diag_add(d, NULL, 0, 0, ECO_SEV_ERROR, NULL, "%s",
		    _("no eco project here (no eco.yaml in this folder or above)"));
		return -1;
	}
	if (rec->kind && (!k || !(k->flags & ECO_KIND_DOC))) {
		eco_diag_add(d, NULL, 0, 0, ECO_SEV_ERROR, NULL,
		    _("unknown kind « %s »"), rec->kind);
		return -1;
	}
	if (!(rec->flags & ECO_WRITE_DRY)) {
		if ((lock = eco_project_lock(p->root)) < 0) {
			eco_diag_sys(d, ".eco.lock", "%s", strerror(errno));
			return -1;
		}
		clean_stale(path, d);
	}
	/* what others wrote before the lock was taken counts */
	eco_index_free(p->names);
	p->names = NULL;
	if ((k && k->home && forget(p, k->home) < 0) || forget(p, rec->file) < 0 ||
	    (k && k->home && eco_project_read(p, k->home, d) < 0)) {
		eco_project_unlock(lock);
		eco_diag_sys(d, NULL, "%s", strerror(ENOMEM));
		return -1;
	}
	return lock;
}

int
eco_project_append(struct eco_project *p, struct eco_record *rec,
    struct eco_diags *d)
{
	char *path = p->root ? name_of(p, rec->file) : NULL, *old = NULL;
	char *text = NULL, *all = NULL;
	struct pfile *f = NULL;
	size_t len = 0, tlen = 0, nold;
	int lock = -1, rc = -1, sep;
	struct eco_diags quiet;

	if (p->root && !path)
		eco_diag_sys(d, NULL, "%s", strerror(ENOMEM));
	if ((p->root && !path) || (lock = begin(p, rec, path, d)) == -1 ||
	    !(old = slurp(path, &len, d)) || !(text = render(p, rec, &tlen, d)))
		goto out;
	sep = len && old[len - 1] != '\n';
	if (!(all = malloc(len + sep + tlen + 1))) {
		eco_diag_sys(d, NULL, "%s", strerror(ENOMEM));
		goto out;
	}
	memcpy(all, old, len);
	memcpy(all + len, "\n", (size_t)sep);
	memcpy(all + len + sep, text, tlen + 1);
	/* the file as it will be: its old documents, then the record */
	eco_diags_init(&quiet);
	f = parse(p, path, path + strlen(path) - strlen(rec->file), old, len,
	    &quiet);
	eco_diags_free(&quiet);
	nold = f ? f->ndocs : 0;
	free_file(f);
	if (!(f = parse(p, path, path + strlen(path) - strlen(rec->file), all,
	    len + sep + tlen, d)))
		goto out;
	if (f->ndocs != nold + 1) {
		eco_diag_add(d, path, 0, 0, ECO_SEV_ERROR, NULL, "%s",
		    _("the record to append is not one YAML document"));
		goto out;
	}
	if (check_new(p, f, nold, rec->kind, 0, d) < 0)
		goto out;
	if (!(rec->flags & ECO_WRITE_DRY) && eco_write_atomic(path, old, len,
	    all + len, sep + tlen, 0) < 0) {
		eco_diag_sys(d, path, "%s", strerror(errno));
		goto out;
	}
	rc = keep(p, rec, &f, &text);
out:
	free(all);
	free(old);
	return finish(rc, lock, f, text, path);
}

/* The folders of rel under the root, made when missing. */
static int
make_folders(const struct eco_project *p, const char *rel, struct eco_diags *d)
{
	char sub[PATH_MAX], *path, *slash;
	int rc = 0;

	snprintf(sub, sizeof sub, "%s", rel);
	for (slash = strchr(sub, '/'); slash && rc == 0; slash = strchr(slash + 1, '/')) {
		*slash = '\0';
		if (!(path = name_of(p, sub)) ||
		    (mkdir(path, 0777) < 0 && errno != EEXIST)) {
			eco_diag_sys(d, path ? path : NULL, "%s",
			    strerror(path ? errno : ENOMEM));
			rc = -1;
		}
		free(path);
		*slash = '/';
	}
	return rc;
}

int
eco_project_create(struct eco_project *p, struct eco_record *rec,
    struct eco_diags *d)
{
	char *path = p->root ? name_of(p, rec->file) : NULL, *text = NULL;
	struct pfile *f = NULL;
	struct stat st;
	size_t tlen = 0;
	int lock = -1, rc = -1;

	if (p->root && !path)
		eco_diag_sys(d, NULL, "%s", strerror(ENOMEM));
	if ((p->root && !path) || (lock = begin(p, rec, path, d)) == -1)
		goto out;
	if (lstat(path, &st) == 0) {
		eco_diag_add(d, path, 0, 0, ECO_SEV_ERROR, NULL, "%s",
		    _("this file exists already: it is not replaced"));
		goto out;
	}
	if (!(text = render(p, rec, &tlen, d)) ||
	    !(f = parse(p, path, path + strlen(path) - strlen(rec->file), text,
	    tlen, d)) ||
	    check_new(p, f, 0, rec->kind, rec->flags & ECO_WRITE_UNCHECKED, d) < 0)
		goto out;
	if (!(rec->flags & ECO_WRITE_DRY) && make_folders(p, rec->file, d) < 0)
		goto out;
	if (!(rec->flags & ECO_WRITE_DRY) &&
	    eco_write_atomic(path, text, tlen, "", 0, 1) < 0) {
		if (errno == EEXIST)
			eco_diag_add(d, path, 0, 0, ECO_SEV_ERROR, NULL, "%s",
			    _("this file exists already: it is not replaced"));
		else
			eco_diag_sys(d, path, "%s", strerror(errno));
		goto out;
	}
	rc = keep(p, rec, &f, &text);
out:
	return finish(rc, lock, f, text, path);
}

/*
 * A new project: its files made in memory by the caller or copied from
 * the demonstration project, then written all or none, each the way
 * eco_project_create writes one.
 */

#ifndef DATADIR
#define DATADIR "/usr/local/share/eco"
#endif

static int
is_folder(const char *rel)
{
	return *rel && rel[strlen(rel) - 1] == '/';
}

int
eco_newfiles_add(struct eco_newfiles *nf, const char *rel, const char *data,
    size_t len, struct eco_diags *d)
{
	struct eco_newfile *v = realloc(nf->v, (nf->n + 1) * sizeof *v);
	char *r = v ? strdup(rel) : NULL, *b = r ? malloc(len + 1) : NULL;

	if (v)
		nf->v = v;
	if (!b) {
		free(r);
		eco_diag_sys(d, NULL, "%s", strerror(ENOMEM));
		return -1;
	}
	memcpy(b, data, len);
	b[len] = '\0';
	v[nf->n++] = (struct eco_newfile){ r, b, len };
	return 0;
}

void
eco_newfiles_free(struct eco_newfiles *nf)
{
	size_t i;

	for (i = 0; i < nf->n; i++) {
		free(nf->v[i].rel);
		free(nf->v[i].data);
	}
	free(nf->v);
	nf->v = NULL;
	nf->n = 0;
}

int
eco_newfiles_copy(struct eco_newfiles *nf, const char *src,
    struct eco_diags *d)
{
	char *one[1] = { (char *)src }, **v = eco_expand(1, one, d), *data;
	size_t skip = strcmp(src, ".") == 0 ? 0 : strlen(src) +
	    (src[strlen(src) - 1] != '/'), i, len;
	int rc = v ? 0 : -1;

	for (i = 0; v && v[i] && rc == 0; i++) {
		if (!(data = slurp(v[i], &len, d)) ||
		    eco_newfiles_add(nf, v[i] + skip, data, len, d) < 0)
			rc = -1;
		free(data);
	}
	eco_paths_free(v);
	return rc;
}

int
eco_newfiles_example(struct eco_newfiles *nf, struct eco_diags *d)
{
	const char *env = getenv("ECO_DATADIR");
	char *src = join(env && *env ? env : DATADIR, "exemple");
	struct stat st;
	int rc = -1;

	if (!src)
		eco_diag_sys(d, NULL, "%s", strerror(ENOMEM));
	else if (stat(src, &st) < 0 || !S_ISDIR(st.st_mode))
		eco_diag_sys(d, src, "%s",
		    _("the example project is not installed here (ECO_DATADIR "
		    "names the folder that holds exemple/)"));
	else
		rc = eco_newfiles_copy(nf, src, d);
	free(src);
	return rc;
}

/* mkdir -p of the first n bytes of path; each folder made goes to made
 * as "folder/". */
static int
make_path(const char *path, size_t n, struct paths *made, struct eco_diags *d)
{
	char dir[PATH_MAX], said[PATH_MAX + 1], *s;
	struct stat st;

	if (n == 0)
		return 0;
	if (n >= sizeof dir) {
		eco_diag_sys(d, path, "%s", strerror(ENAMETOOLONG));
		return -1;
	}
	memcpy(dir, path, n);
	dir[n] = '\0';
	for (s = dir + 1;; s++) {
		int end = *s == '\0';

		if (*s != '/' && !end)
			continue;
		*s = '\0';
		if (stat(dir, &st) == 0) {
			if (!S_ISDIR(st.st_mode)) {
				eco_diag_sys(d, dir, "%s", strerror(ENOTDIR));
				return -1;
			}
		} else if (mkdir(dir, 0777) == 0) {
			snprintf(said, sizeof said, "%s/", dir);
			push(made, said);
		} else if (errno != EEXIST) {
			eco_diag_sys(d, dir, "%s", strerror(errno));
			return -1;
		}
		if (end)
			return 0;
		*s = '/';
	}
}

/* A new file's render: its bytes. */
static int
put_bytes(FILE *f, const char *id, void *arg)
{
	const struct eco_newfile *nf = arg;

	(void)id;
	return fwrite(nf->data, 1, nf->len, f) == nf->len ? 0 : -1;
}

/* Whether one of the files is there already: each is said. */
static int
taken(const char *root, const struct eco_newfiles *nf, struct eco_diags *d)
{
	struct stat st;
	size_t i, n = 0;
	char *path;

	for (i = 0; i < nf->n; i++) {
		if (is_folder(nf->v[i].rel))
			continue;
		if (!(path = join(root, nf->v[i].rel))) {
			eco_diag_sys(d, NULL, "%s", strerror(ENOMEM));
			return 1;
		}
		if (lstat(path, &st) == 0 && ++n)
			eco_diag_add(d, path, 0, 0, ECO_SEV_ERROR, NULL, "%s",
			    _("this file exists already: it is not replaced"));
		free(path);
	}
	if (n)
		eco_diag_add(d, NULL, 0, 0, ECO_SEV_ERROR, NULL, "%s",
		    _("nothing was created: move these files away, or choose "
		    "another folder"));
	return n > 0;
}

int
eco_project_init(const char *root, const struct eco_newfiles *nf,
    char ***made, struct eco_diags *d)
{
	struct paths out = { NULL, 0, 0, 0 };
	struct eco_project *p = NULL;
	struct eco_record rec;
	const char *slash;
	char *path;
	size_t i;
	int rc = 0;

	if (taken(root, nf, d) || make_path(root, strlen(root), &out, d) < 0 ||
	    !(p = eco_project_at(root, d)))
		rc = -1;
	for (i = 0; rc == 0 && i < nf->n; i++) {
		memset(&rec, 0, sizeof rec);
		rec.file = nf->v[i].rel;
		rec.render = put_bytes;
		rec.arg = &nf->v[i];
		rec.flags = ECO_WRITE_UNCHECKED;
		if (!(path = join(root, rec.file)))
			rc = -1;
		else if (is_folder(rec.file))
			rc = make_path(path, strlen(path), &out, d);
		else if (make_path(path, (slash = strrchr(path, '/')) ?
		    (size_t)(slash - path) : 0, &out, d) < 0 ||
		    eco_project_create(p, &rec, d) < 0)
			rc = -1;
		else
			push(&out, path);
		free(rec.text);
		free(path);
	}
	eco_project_close(p);
	if (out.oom) {
		eco_diag_sys(d, NULL, "%s", strerror(ENOMEM));
		rc = -1;
	}
	*made = out.v;
	return rc;
}

/*
 * Close the cycle.  Its files are every home of the layout but the
 * group's own (eco.yaml) and its fiches (facteurs.yaml): moved, those
 * that are there, into historique/NAME/ by rename(2), under the lock,
 * the folder marked so that no walk reads it again as the project's.
 */
/* Move the file or folder rel of the project into historique/name/
 * (made, and marked, before the first): 1 moved, 0 not there, -1 on
 * failure (recorded). */
static int
move_to_history(struct eco_project *p, const char *rel, const char *name,
    int first, int dry, struct eco_diags *d)
{
	char *hist = join(p->root, "historique"), *dir = NULL, *from = NULL;
	char *to = NULL, *mark = NULL;
	struct stat st;
	int rc = -1, fd;

	if (!hist || !(dir = join(hist, name)) || !(from = join(p->root, rel)) ||
	    !(to = join(dir, rel)) || !(mark = join(dir, HISTORY_MARK))) {
		eco_diag_sys(d, NULL, "%s", strerror(ENOMEM));
		goto out;
	}
	if (lstat(from, &st) < 0) {
		rc = 0;
		goto out;
	}
	if (first && !dry && (((mkdir(hist, 0777) < 0 && errno != EEXIST) ||
	    mkdir(dir, 0777) < 0 ||
	    (fd = open(mark, O_WRONLY | O_CREAT | O_EXCL, 0644)) < 0))) {
		eco_diag_sys(d, NULL, "historique/%s: %s", name, strerror(errno));
		goto out;
	}
	if (first && !dry)
		close(fd);
	if (!dry && rename(from, to) < 0) {
		eco_diag_sys(d, rel, "%s", strerror(errno));
		goto out;
	}
	eco_diag_add(d, rel, 0, 0, ECO_SEV_NOTE, NULL, dry ?
	    _("would go to historique/%s/ (-n)") :
	    _("moved to historique/%s/"), name);
	rc = 1;
out:
	free(hist);
	free(dir);
	free(from);
	free(to);
	free(mark);
	return rc;
}

int
eco_project_new_cycle(struct eco_project *p, const char *name, int dry,
    struct eco_diags *d)
{
	const struct eco_kind *k;
	const char *done[64];
	char rel[256], *dir, *hist;
	size_t n, i, j, nd = 0, moved = 0;
	struct stat st;
	int lock = -1, rc = -1, m;

	if (!p->root) {
		eco_diag_add(d, NULL, 0, 0, ECO_SEV_ERROR, NULL, "%s",
		    _("no eco project here (no eco.yaml in this folder or above)"));
		return -1;
	}
	if (!name[0] || strchr(name, '/') || name[0] == '.') {
		eco_diag_add(d, NULL, 0, 0, ECO_SEV_ERROR, NULL,
		    _("« %s » cannot name a folder of historique/"), name);
		return -1;
	}
	if (!dry && (lock = eco_project_lock(p->root)) < 0) {
		eco_diag_sys(d, ".eco.lock", "%s", strerror(errno));
		return -1;
	}
	hist = join(p->root, "historique");
	dir = hist ? join(hist, name) : NULL;
	free(hist);
	if (!dir) {
		eco_diag_sys(d, NULL, "%s", strerror(ENOMEM));
		goto out;
	}
	j = stat(dir, &st) == 0;
	free(dir);
	if (j) {
		eco_diag_add(d, NULL, 0, 0, ECO_SEV_ERROR, NULL,
		    _("historique/%s is there already: give the past cycle another name (--nom)"),
		    name);
		goto out;
	}
	k = eco_kinds(&n);
	for (i = 0; i < n; i++) {
		if (!k[i].home || strcmp(k[i].name, "regroupement") == 0 ||
		    strcmp(k[i].name, "facteur") == 0)
			continue;
		for (j = 0; j < nd && strcmp(done[j], k[i].home) != 0; j++)
			;
		if (j < nd || nd == 64 || strlen(k[i].home) >= sizeof rel)
			continue;
		done[nd++] = k[i].home;
		strcpy(rel, k[i].home);
		if (rel[strlen(rel) - 1] == '/')
			rel[strlen(rel) - 1] = '\0';
		if ((m = move_to_history(p, rel, name, !moved, dry, d)) < 0)
			goto out;
		moved += (size_t)m;
	}
	if (!moved) {
		eco_diag_add(d, NULL, 0, 0, ECO_SEV_ERROR, NULL, "%s",
		    _("nothing to close: the project holds no file of a cycle"));
		goto out;
	}
	rc = 0;
out:
	eco_project_unlock(lock);
	return rc;
}

const char *
eco_schema_modeline(const char *kind, char *buf, size_t cap)
{
	const char *env = getenv("ECO_DATADIR"), *dir = env && *env ? env :
	    DATADIR, *p;
	size_t n;

	n = (size_t)snprintf(buf, cap, "# yaml-language-server: $schema=file://");
	/* a file URL: what a path may hold that a URL may not, encoded */
	for (p = dir; *p && n + 4 < cap; p++)
		if (*p == ' ' || *p == '%' || *p == '#' || *p == '?')
			n += (size_t)snprintf(buf + n, cap - n, "%%%02X",
			    (unsigned char)*p);
		else
			buf[n++] = *p;
	snprintf(buf + (n < cap ? n : cap - 1), cap - (n < cap ? n : cap - 1),
	    "/schemas/%s.schema.json", kind);
	return buf;
}
