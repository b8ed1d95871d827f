/*
 * eco_project.c - the project folder: finding its root, and writing
 * files without ever leaving one half written.
 *
 * A project is a folder whose root holds eco.yaml; commands find it by
 * walking up from where they run, as git finds .git.  Writes go to a
 * temporary file in the same folder, are flushed to disk, then renamed
 * over the target, all under an advisory lock on .eco.lock, so that two
 * commands at once, a full disk or a kill leave the old file whole.
 */
#define _DEFAULT_SOURCE
#include <errno.h>
#include <fcntl.h>
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
	char path[PATH_MAX], probe[PATH_MAX + 16];
	struct stat st;
	char *slash;

	if (!realpath(start ? start : ".", path))
		return -1;
	for (;;) {
		snprintf(probe, sizeof probe, "%s/eco.yaml", path);
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
	snprintf(probe, sizeof probe, "/eco.yaml");
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
