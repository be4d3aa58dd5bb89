/*
 * test_pdf.c: unit tests of lib/pdf.c.
 *
 * Each test builds a plan in memory (every section filled, or some left
 * empty), renders it with pdf_plan(), writes the document to a temporary
 * directory and reads it back with poppler's tools: pdfinfo for the page
 * size, count and metadata, pdftotext for the text (in content order,
 * page by page), pdfimages for proof that nothing was rasterised.  The
 * catalogues are compiled from po/ with msgfmt, so the French document is
 * checked in French.
 *
 * The demonstration plan's documents (lib/demo/housing.<lang>.json) are
 * also compared with what they were: their page count and pdftotext
 * -raw's text, page breaks included, kept in
 * tests/unit/fixtures/pdf-demo-<lang>-<paper>.txt.  A change of the
 * layout that moves a line, a page break or a number of the contents
 * fails there.  When the document is meant to change (the demonstration
 * plan, the translations of the document, its layout), rewrite them with
 * TEST_PDF_GOLDEN=1 build/tests/test_pdf and read the difference in git.
 *
 * TEST_PDF_KEEP=1 in the environment keeps the documents and says where.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <setjmp.h>
#include <pthread.h>
#include <time.h>
#include <unistd.h>
#include <cmocka.h>

#include "buf.h"
#include "demo.h"
#include "i18n.h"
#include "pdf.h"
#include "platform.h"
#include "status.h"
#include "workbook.h"

/* 2026-05-14 15:00 UTC: the date the documents are made. */
#define NOW ((time_t)1778770800)

static char tmpdir[64];
static struct i18n *cat;

/* The directory of po/, from where this file is compiled. */
static void
po_dir(char *out, size_t outlen)
{
	const char *f = __FILE__, *end = strstr(f, "tests/unit/test_pdf.c");

	snprintf(out, outlen, "%.*spo", end ? (int)(end - f) : 0, f);
}

/* The path of file name of tests/unit/fixtures/, from where this file is compiled. */
static void
fixture_path(char *out, size_t outlen, const char *name)
{
	const char *f = __FILE__, *end = strstr(f, "test_pdf.c");

	snprintf(out, outlen, "%.*sfixtures/%s", end ? (int)(end - f) : 0, f,
	    name);
}

/* Compiles po/<lang>.po into tmpdir/<lang>.mo. */
static int
compile_po(const char *lang)
{
	char cmd[512], po[256];

	po_dir(po, sizeof po);
	snprintf(cmd, sizeof cmd, "msgfmt -o %s/%s.mo %s/%s.po", tmpdir, lang,
	    po, lang);
	return system(cmd) == 0 ? 0 : -1;
}

static int
group_setup(void **state)
{
	char err[256];

	(void)state;
	strcpy(tmpdir, "/tmp/reseauter-pdf-XXXXXX");
	if (mkdtemp(tmpdir) == NULL || compile_po("fr") != 0 ||
	    compile_po("en") != 0)
		return -1;
	if (i18n_load(&cat, tmpdir, err, sizeof err) != RT_OK) {
		fprintf(stderr, "%s\n", err);
		return -1;
	}
	return pdf_init() == RT_OK ? 0 : -1;
}

static int
group_teardown(void **state)
{
	char cmd[128];
	const char *keep = getenv("TEST_PDF_KEEP");

	(void)state;
	i18n_free(cat);
	if (keep != NULL && keep[0] == '1') {
		fprintf(stderr, "test_pdf: documents kept in %s\n", tmpdir);
		return 0;
	}
	snprintf(cmd, sizeof cmd, "rm -rf %s", tmpdir);
	return system(cmd) == 0 ? 0 : -1;
}

/* Makes every section of p empty (wb_data_init); the test frees p. */
static void
plan_init(struct wb_plan *p)
{
	int s;

	memset(p, 0, sizeof *p);
	for (s = 0; s < WB__MAX; s++)
		assert_int_equal(wb_data_init(&p->s[s], s), RT_OK);
}

/* Replaces *slot (malloc'd or NULL) by a copy of value. */
static void
put(char **slot, const char *value)
{
	free(*slot);
	*slot = strdup(value);
	assert_non_null(*slot);
}

/* Sets the own field name of section s of p (declared: asserted). */
static void
set(struct wb_plan *p, int s, const char *name, const char *value)
{
	int i = wb_field_index(wb_sections[s].fields, wb_sections[s].nfields,
	    name);

	assert_true(i >= 0);
	put(&p->s[s].values[i], value);
}

/* Appends to list 0 of section s an item with id id and every value "". */
static struct wb_item *
add_item(struct wb_plan *p, int s, const char *id)
{
	struct wb_list_data *ld = &p->s[s].lists[0];
	struct wb_item *it;
	size_t i;

	it = realloc(ld->items, (ld->n + 1) * sizeof *ld->items);
	assert_non_null(it);
	ld->items = it;
	it = &ld->items[ld->n++];
	memset(it, 0, sizeof *it);
	snprintf(it->id, sizeof it->id, "%s", id);
	for (i = 0; i < wb_sections[s].lists[0].nfields; i++)
		put(&it->values[i], "");
	return it;
}

/* Sets field name of item it of list 0 of section s. */
static void
item_set(int s, struct wb_item *it, const char *name, const char *value)
{
	const struct wb_list *l = &wb_sections[s].lists[0];
	int i = wb_field_index(l->fields, l->nfields, name);

	assert_true(i >= 0);
	put(&it->values[i], value);
}

/* The fixed item with this id of list 0 of section s. */
static struct wb_item *
fixed_item(struct wb_plan *p, int s, const char *id)
{
	struct wb_list_data *ld = &p->s[s].lists[0];
	size_t k;

	for (k = 0; k < ld->n; k++)
		if (strcmp(ld->items[k].id, id) == 0)
			return &ld->items[k];
	fail_msg("no item %s", id);
	return NULL;
}

/* A long text about a persona, ending with the given last words. */
static void
long_text(char *out, size_t outlen, const char *last)
{
	size_t k;

	out[0] = '\0';
	for (k = 0; k < 5; k++)
		snprintf(out + strlen(out), outlen - strlen(out),
		    "Elle lit le journal du quartier chaque matin, "
		    "s\xE2\x80\x99inqui\xC3\xA8te des hausses de loyer et "
		    "parle de son immeuble \xC3\xA0 ses voisines. ");
	snprintf(out + strlen(out), outlen - strlen(out), "%s", last);
}

/* The names of the personas of the full plan, and the last words of each. */
static const char *const persona_names[] = {
	"Ginette \xC2\xAB la voisine \xC2\xBB Tremblay",
	"Mamadou, nouvel arrivant", "Sophie, b\xC3\xA9n\xC3\xA9vole",
	"Jean-Fran\xC3\xA7ois, propri\xC3\xA9taire solidaire",
};
static const char *const persona_last[] = {
	"Fin du portrait de Ginette.", "Fin du portrait de Mamadou.",
	"Fin du portrait de Sophie.", "Fin du portrait de Jean-Fran\xC3\xA7ois.",
};

/*
 * Fills every section of p (made by plan_init) with answers, each
 * section holding a phrase the tests look for (see expected[] below).
 */
static void
plan_fill(struct wb_plan *p)
{
	struct wb_item *it;
	char text[4000], id[16];
	size_t k;

	set(p, WB_START, "website", "https://comite-ete.example.org");
	set(p, WB_START, "existing", "Une page Facebook cr\xC3\xA9\xC3\xA9" "e "
	    "en 2019 par le \xC2\xAB Comit\xC3\xA9 d\xE2\x80\x99\xC3\xA9t\xC3\xA9 \xC2\xBB.");
	set(p, WB_START, "hours", "6");
	set(p, WB_START, "people", "Julie, coordonnatrice, deux heures par "
	    "semaine; Marc, b\xC3\xA9n\xC3\xA9vole photographe.");

	for (k = 0; k < 2; k++) {
		snprintf(id, sizeof id, "a%zu", k + 1);
		it = add_item(p, WB_ACCOUNTS, id);
		item_set(WB_ACCOUNTS, it, "platform", k ? "instagram" : "facebook");
		item_set(WB_ACCOUNTS, it, "handle", k ? "@comite_ete" :
		    "facebook.com/comiteete");
		item_set(WB_ACCOUNTS, it, "holder", "Julie Gagnon");
		item_set(WB_ACCOUNTS, it, "backup", "Registre-Martin Roy");
	}

	set(p, WB_MISSION, "mission", "d\xC3\xA9" "fendre le droit au "
	    "logement des locataires de Rosemont.");
	set(p, WB_MISSION, "means", "Des cliniques juridiques gratuites.");
	set(p, WB_MISSION, "strategy", "Rejoindre les locataires a\xC3\xAE"
	    "n\xC3\xA9s isol\xC3\xA9s.");

	for (k = 0; k < 3; k++) {
		static const char *const texts[] = {
			"Faire conna\xC3\xAEtre nos cliniques du mardi",
			"Recruter des b\xC3\xA9n\xC3\xA9voles pour l\xE2\x80\x99"
			"assembl\xC3\xA9" "e",
			"Mobiliser contre les r\xC3\xA9novictions",
		};
		snprintf(id, sizeof id, "o%zu", k + 1);
		it = add_item(p, WB_OBJECTIVES, id);
		item_set(WB_OBJECTIVES, it, "text", texts[k]);
		item_set(WB_OBJECTIVES, it, "kind", k == 1 ? "volunteers" :
		    "activity");
		item_set(WB_OBJECTIVES, it, "indicator", "Personnes venues "
		    "gr\xC3\xA2" "ce \xC3\xA0 un message");
		item_set(WB_OBJECTIVES, it, "target", k == 2 ? "beaucoup" : "25");
		item_set(WB_OBJECTIVES, it, "due", "2026-11-01");
	}

	set(p, WB_STORY, "what_we_do", "Nous accompagnons les locataires "
	    "depuis 1978.");
	set(p, WB_STORY, "pitch_short", "Le Comit\xC3\xA9 d\xE2\x80\x99\xC3\xA9t\xC3\xA9 "
	    "d\xC3\xA9" "fend vos droits de locataire \xE2\x80\x94 gratuitement.");
	set(p, WB_STORY, "pitch_long", "Depuis pr\xC3\xA8s de cinquante ans, "
	    "nous aidons les m\xC3\xA9nages \xC3\xA0 rester chez eux.");
	it = add_item(p, WB_STORY, "v1");
	item_set(WB_STORY, it, "value", "Solidarit\xC3\xA9");
	item_set(WB_STORY, it, "example", "Personne ne fait face seul \xC3\xA0 "
	    "son propri\xC3\xA9taire.");

	set(p, WB_TONE, "warmth", "4");
	set(p, WB_TONE, "adjective_1", "chaleureux");
	set(p, WB_TONE, "sample", "Vous avez re\xC3\xA7u un avis de hausse? "
	    "Passez nous voir mardi soir.");

	set(p, WB_AUDIENCES, "groups", "members,volunteers");
	for (k = 0; k < 4; k++) {
		snprintf(id, sizeof id, "p%zu", k + 1);
		it = add_item(p, WB_AUDIENCES, id);
		item_set(WB_AUDIENCES, it, "name", persona_names[k]);
		item_set(WB_AUDIENCES, it, "role", "Locataire");
		item_set(WB_AUDIENCES, it, "age", "72 ans");
		item_set(WB_AUDIENCES, it, "platforms", k == 3 ? "linkedin" :
		    "facebook");
		long_text(text, sizeof text, "Ce qui la motive : garder son "
		    "logement.");
		item_set(WB_AUDIENCES, it, "cares", text);
		long_text(text, sizeof text, persona_last[k]);
		item_set(WB_AUDIENCES, it, "details", text);
	}

	it = fixed_item(p, WB_PLATFORMS, "facebook");
	item_set(WB_PLATFORMS, it, "chosen", "1");
	item_set(WB_PLATFORMS, it, "hours", "3.5");
	item_set(WB_PLATFORMS, it, "posts", "4");
	item_set(WB_PLATFORMS, it, "objectives", "o1,o2");
	item_set(WB_PLATFORMS, it, "personas", "p1,p2");
	item_set(WB_PLATFORMS, it, "purpose", "Annoncer les cliniques et "
	    "r\xC3\xA9pondre aux messages.");
	it = fixed_item(p, WB_PLATFORMS, "instagram");
	item_set(WB_PLATFORMS, it, "chosen", "1");
	item_set(WB_PLATFORMS, it, "hours", "4");
	item_set(WB_PLATFORMS, it, "posts", "3");

	set(p, WB_RESOURCES, "position", "2");
	set(p, WB_RESOURCES, "content_kinds", "Partager les articles du "
	    "RCLALQ deux fois par semaine.");

	it = fixed_item(p, WB_PRACTICES, "photos");
	item_set(WB_PRACTICES, it, "adopt", "1");
	item_set(WB_PRACTICES, it, "how", "Une bonne photo \xC3\xA0 chaque "
	    "activit\xC3\xA9, avec le consentement des gens.");

	for (k = 0; k < 12; k++) {
		snprintf(id, sizeof id, "s%zu", k + 1);
		it = add_item(p, WB_POSTS, id);
		item_set(WB_POSTS, it, "platform", k % 2 ? "instagram" : "facebook");
		item_set(WB_POSTS, it, "objective", "o1");
		item_set(WB_POSTS, it, "persona", "p1");
		snprintf(text, sizeof text, "Publication num\xC3\xA9ro %zu : "
		    "la clinique du mardi vous attend \xC3\xA0 19 h. Apportez "
		    "votre bail!", k + 1);
		item_set(WB_POSTS, it, "text", text);
		item_set(WB_POSTS, it, "hashtags", "#Rosemont #logement");
	}

	set(p, WB_TEAM, "responsible", "Julie Gagnon");
	set(p, WB_TEAM, "backup", "Marc Lavoie");
	set(p, WB_TEAM, "crisis", "La pr\xC3\xA9sidente du conseil, "
	    "Lucie B\xC3\xA9langer.");

	assert_int_equal(wb_data_sync_items(&p->s[WB_EVALUATION], p), RT_OK);
	assert_true(p->s[WB_EVALUATION].lists[0].n == 3);
	item_set(WB_EVALUATION, &p->s[WB_EVALUATION].lists[0].items[0],
	    "worked", "Les photos des cliniques ont \xC3\xA9t\xC3\xA9 "
	    "partag\xC3\xA9" "es trois fois plus.");

	it = add_item(p, WB_EVENTS, "e1");
	item_set(WB_EVENTS, it, "name", "Assembl\xC3\xA9" "e g\xC3\xA9n\xC3\xA9rale "
	    "des locataires");
	item_set(WB_EVENTS, it, "date", "2026-03-18");
	item_set(WB_EVENTS, it, "before", "Un \xC3\xA9v\xC3\xA9nement "
	    "Facebook trois semaines avant.");
}

/* A phrase of each section that the French document must hold. */
static const struct {
	int         section;
	const char *text;
} expected[] = {
	{ WB_START, "comite-ete.example.org" },
	{ WB_START, "\xC2\xAB Comit\xC3\xA9 d\xE2\x80\x99\xC3\xA9t\xC3\xA9 \xC2\xBB" },
	{ WB_ACCOUNTS, "@comite_ete" },
	{ WB_ACCOUNTS, "Registre-Martin Roy" },
	{ WB_MISSION, "logement des locataires de Rosemont." },
	{ WB_OBJECTIVES, "Mobiliser contre les r\xC3\xA9novictions" },
	{ WB_OBJECTIVES, "1er novembre 2026" },
	{ WB_STORY, "d\xC3\xA9" "fend vos droits de locataire \xE2\x80\x94 gratuitement." },
	{ WB_STORY, "Solidarit\xC3\xA9" },
	{ WB_TONE, "chaleureux" },
	{ WB_TONE, "Passez nous voir mardi soir" },
	{ WB_AUDIENCES, "Jean-Fran\xC3\xA7ois, propri\xC3\xA9taire solidaire" },
	{ WB_AUDIENCES, "s\xE2\x80\x99inqui\xC3\xA8te des hausses de loyer" },
	{ WB_PLATFORMS, "Annoncer les cliniques et r\xC3\xA9pondre aux messages." },
	{ WB_PLATFORMS, "3,5" },
	{ WB_RESOURCES, "RCLALQ deux fois par semaine." },
	{ WB_PRACTICES, "avec le consentement des gens." },
	{ WB_POSTS, "Publication num\xC3\xA9ro 12 :" },
	{ WB_POSTS, "#Rosemont #logement" },
	{ WB_TEAM, "Lucie B\xC3\xA9langer." },
	{ WB_EVALUATION, "partag\xC3\xA9" "es trois fois plus." },
	{ WB_EVENTS, "Assembl\xC3\xA9" "e g\xC3\xA9n\xC3\xA9rale des locataires" },
};

/* Reads the whole of a file (NUL-terminated); the caller frees it. */
static char *
slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *s = NULL;
	size_t len = 0, cap = 0, n;

	assert_non_null(f);
	do {
		if (cap - len < 4096) {
			cap = cap * 2 + 8192;
			s = realloc(s, cap);
			assert_non_null(s);
		}
		n = fread(s + len, 1, cap - len - 1, f);
		len += n;
	} while (n > 0);
	fclose(f);
	s[len] = '\0';
	return s;
}

/* Runs a shell command whose output goes to tmpdir/out.txt and returns that output. */
static char *
run(const char *fmt, ...)
{
	char cmd[1024], out[128];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(cmd, sizeof cmd, fmt, ap);
	va_end(ap);
	assert_true(n > 0 && (size_t)n < sizeof cmd - 64);
	snprintf(out, sizeof out, "%s/out.txt", tmpdir);
	snprintf(cmd + n, sizeof cmd - (size_t)n, " > %s 2>&1", out);
	assert_int_equal(system(cmd), 0);
	return slurp(out);
}

/* A rendered document, and what poppler reads in it. */
struct doc {
	char   path[128];
	char  *info;     /* pdfinfo's output */
	char  *text;     /* pdftotext -raw, whitespace made single spaces */
	char  *raw;      /* pdftotext -raw as it is: lines, pages after \f */
	int    pages;
	double w, h;     /* page size in points */
};

/* Makes every run of white space (a line or page break too) one space. */
static void
squeeze(char *s)
{
	char *w = s, *start = s;
	int space = 0;

	for (; *s != '\0'; s++) {
		if (*s == ' ' || *s == '\n' || *s == '\f' || *s == '\t' ||
		    *s == '\r') {
			space = 1;
			continue;
		}
		if (space && w > start)
			*w++ = ' ';
		space = 0;
		*w++ = *s;
	}
	*w = '\0';
}

/* Renders p into tmpdir/name.pdf and reads it back into *dc. */
static void
render(const struct wb_plan *p, const char *org, enum lang lang, int letter,
    const char *name, struct doc *dc)
{
	struct buf out = { 0 };
	const char *at;
	FILE *f;

	memset(dc, 0, sizeof *dc);
	assert_int_equal(pdf_plan(p, org, cat, lang, letter, NOW, &out), RT_OK);
	assert_true(out.len > 1000);
	assert_memory_equal(out.data, "%PDF-", 5);
	snprintf(dc->path, sizeof dc->path, "%s/%s.pdf", tmpdir, name);
	f = fopen(dc->path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(out.data, 1, out.len, f), out.len);
	assert_int_equal(fclose(f), 0);
	buf_free(&out);

	dc->info = run("pdfinfo %s", dc->path);
	at = strstr(dc->info, "Pages:");
	assert_non_null(at);
	dc->pages = atoi(at + 6);
	at = strstr(dc->info, "Page size:");
	assert_non_null(at);
	assert_int_equal(sscanf(at + 10, "%lf x %lf", &dc->w, &dc->h), 2);
	dc->raw = run("pdftotext -raw -enc UTF-8 %s -", dc->path);
	dc->text = strdup(dc->raw);
	assert_non_null(dc->text);
	squeeze(dc->text);
}

static void
doc_free(struct doc *dc)
{
	free(dc->info);
	free(dc->text);
	free(dc->raw);
}

/* The text of page n (from 1) of dc, squeezed; the caller frees it. */
static char *
page_text(const struct doc *dc, int n)
{
	const char *s = dc->raw, *end;
	char *t;
	int k;

	for (k = 1; k < n; k++) {
		s = strchr(s, '\f');
		assert_non_null(s);
		s++;
	}
	end = strchr(s, '\f');
	t = strndup(s, end ? (size_t)(end - s) : strlen(s));
	assert_non_null(t);
	squeeze(t);
	return t;
}

/* The page (from 1) whose text holds needle first, or 0. */
static int
page_of(const struct doc *dc, const char *needle)
{
	int n;

	for (n = 1; n <= dc->pages; n++) {
		char *t = page_text(dc, n);
		int found = strstr(t, needle) != NULL;

		free(t);
		if (found)
			return n;
	}
	return 0;
}

/* Checks that every page of dc says "Page n of N" in its language. */
static void
check_page_numbers(const struct doc *dc, enum lang lang)
{
	char want[64];
	int n;

	for (n = 1; n <= dc->pages; n++) {
		char *t = page_text(dc, n);

		snprintf(want, sizeof want, lang == LANG_FR ? "Page %d de %d" :
		    "Page %d of %d", n, dc->pages);
		if (strstr(t, want) == NULL)
			fail_msg("page %d lacks \"%s\"", n, want);
		free(t);
	}
}

/*
 * Non-zero when line (trimmed) is the heading of a part in lang: a
 * section's title after its number, or the title of the pitfalls.
 */
static int
is_heading(const char *line, size_t len, enum lang lang)
{
	int s;

	if (len > 0 && line[0] >= '1' && line[0] <= '9') {
		while (len > 0 && line[0] >= '0' && line[0] <= '9') {
			line++;
			len--;
		}
		if (len == 0 || line[0] != ' ')
			return 0;
		line++;
		len--;
	}

	for (s = 0; s <= WB__MAX; s++) {
		const char *t = i18n_get(cat, lang, s == WB__MAX ?
		    "Pitfalls still open" : wb_sections[s].title);

		if (strlen(t) == len && memcmp(t, line, len) == 0)
			return 1;
	}
	return 0;
}

/*
 * Checks that no heading of a part stands with nothing under it: the line
 * after each one is not another heading, nor the footer, nor the end.
 * Returns how many headings were seen.
 */
static int
check_no_blank_heading(const struct doc *dc, enum lang lang,
    const char *org)
{
	const char *s = dc->raw;
	int seen = 0, prev_heading = 0;
	char prev[200] = "";

	while (*s != '\0') {
		const char *e = s + strcspn(s, "\n");
		const char *a = s, *b = e;

		while (a < b && (*a == ' ' || *a == '\f'))
			a++;
		while (b > a && (b[-1] == ' ' || b[-1] == '\r'))
			b--;
		if (b > a) {
			int h = is_heading(a, (size_t)(b - a), lang);

			if (prev_heading && (h || strncmp(a, org,
			    strlen(org)) == 0 || strncmp(a, "Page ", 5) == 0))
				fail_msg("heading \"%s\" has nothing under it "
				    "(then \"%.*s\")", prev, (int)(b - a), a);
			if (h) {
				seen++;
				snprintf(prev, sizeof prev, "%.*s", (int)(b - a), a);
			}
			prev_heading = h;
		}
		s = *e ? e + 1 : e;
	}
	if (prev_heading)
		fail_msg("the document ends with heading \"%s\"", prev);
	return seen;
}

/* Checks that the document holds no image: everything is vector and text. */
static void
check_no_image(const struct doc *dc)
{
	char *out = run("pdfimages -list %s", dc->path);
	char *line = strchr(out, '\n');
	int rows = 0;

	/* A header line, a rule of dashes, then one line per image. */
	while (line != NULL && line[1] != '\0') {
		rows++;
		line = strchr(line + 1, '\n');
	}
	assert_true(rows <= 1);
	free(out);
}

#define ORG "Comit\xC3\xA9 d\xE2\x80\x99\xC3\xA9t\xC3\xA9 de Rosemont"

/* The full plan in French on A4: size, pages, every section's text, numbers, metadata. */
static void
test_full_a4_fr(void **state)
{
	struct wb_plan p;
	struct doc dc;
	size_t k;
	int s, headings;

	(void)state;
	plan_init(&p);
	plan_fill(&p);
	render(&p, ORG, LANG_FR, 0, "full-a4-fr", &dc);
	assert_true(dc.w > 594.5 && dc.w < 596);
	assert_true(dc.h > 841 && dc.h < 843);
	assert_true(dc.pages >= 4 && dc.pages < 40);
	for (k = 0; k < sizeof expected / sizeof expected[0]; k++)
		if (strstr(dc.text, expected[k].text) == NULL)
			fail_msg("section %s: \"%s\" missing",
			    wb_sections[expected[k].section].slug,
			    expected[k].text);
	/* Every section's heading, in French, in the workbook's order. */
	{
		const char *at = dc.text;

		/* Past the contents of the first page. */
		at = strstr(at, "Page 1 de");
		assert_non_null(at);
		for (s = 0; s < WB__MAX; s++) {
			const char *t = i18n_get(cat, LANG_FR,
			    wb_sections[s].title);
			const char *found = strstr(at, t);

			if (found == NULL)
				fail_msg("heading \"%s\" missing or out of order", t);
			at = found + strlen(t);
		}
	}
	assert_non_null(strstr(dc.text, "Strat\xC3\xA9gie de m\xC3\xA9" "dias sociaux"));
	assert_non_null(strstr(dc.text, "En date du 14 mai 2026"));
	assert_non_null(strstr(dc.text, ORG));
	/* The pitfalls come last: after the last section. */
	assert_non_null(strstr(dc.text, "Pi\xC3\xA8ges \xC3\xA0 corriger"));
	assert_true(strstr(strstr(dc.text, "Page 1 de"),
	    "Pi\xC3\xA8ges \xC3\xA0 corriger") > strstr(dc.text,
	    "Assembl\xC3\xA9" "e g\xC3\xA9n\xC3\xA9rale des locataires"));
	check_page_numbers(&dc, LANG_FR);
	headings = check_no_blank_heading(&dc, LANG_FR, ORG);
	assert_true(headings >= WB__MAX);
	check_no_image(&dc);
	assert_non_null(strstr(dc.info, "Title:"));
	assert_non_null(strstr(dc.info, ORG));
	assert_non_null(strstr(dc.info, "CreationDate:"));
	assert_non_null(strstr(dc.info, "2026"));
	doc_free(&dc);
	wb_plan_free(&p);
}

/* The same plan in English on US Letter. */
static void
test_full_letter_en(void **state)
{
	struct wb_plan p;
	struct doc dc;

	(void)state;
	plan_init(&p);
	plan_fill(&p);
	render(&p, ORG, LANG_EN, 1, "full-letter-en", &dc);
	assert_true(dc.w > 611.5 && dc.w < 612.5);
	assert_true(dc.h > 791.5 && dc.h < 792.5);
	assert_true(dc.pages >= 4 && dc.pages < 40);
	assert_non_null(strstr(dc.text, "Social-media strategy"));
	assert_non_null(strstr(dc.text, "As of May 14, 2026"));
	assert_non_null(strstr(dc.text, "Starting point"));
	assert_non_null(strstr(dc.text, "Time budget, in hours a week"));
	assert_non_null(strstr(dc.text, "Pitfalls still open"));
	assert_non_null(strstr(dc.text, "November 1, 2026"));
	assert_non_null(strstr(dc.text, "3.5"));
	assert_non_null(strstr(dc.text, "Mobiliser contre les r\xC3\xA9novictions"));
	check_page_numbers(&dc, LANG_EN);
	check_no_blank_heading(&dc, LANG_EN, ORG);
	doc_free(&dc);
	wb_plan_free(&p);
}

/* No persona card is split across two pages. */
static void
test_cards_whole(void **state)
{
	struct wb_plan p;
	struct doc dc;
	size_t k;
	int letter;

	(void)state;
	plan_init(&p);
	plan_fill(&p);
	for (letter = 0; letter <= 1; letter++) {
		render(&p, ORG, LANG_FR, letter, letter ? "cards-letter" :
		    "cards-a4", &dc);
		for (k = 0; k < sizeof persona_names / sizeof persona_names[0]; k++) {
			char first[160];
			int a, b;

			/* The card's heading, and the end of its last answer. */
			snprintf(first, sizeof first, "Persona %zu : %s",
			    k + 1, persona_names[k]);
			a = page_of(&dc, first);
			b = page_of(&dc, persona_last[k]);
			if (a == 0 || b == 0)
				fail_msg("persona %zu not found", k + 1);
			if (a != b)
				fail_msg("persona %zu split over pages %d and %d",
				    k + 1, a, b);
		}
		doc_free(&dc);
	}
	wb_plan_free(&p);
}

/*
 * A section with nothing answered keeps its heading with "To complete"
 * under it; the optional event campaigns, empty, are left out.
 */
static void
test_empty_sections(void **state)
{
	struct wb_plan p;
	struct doc dc;
	const char *h, *events;
	int s;

	(void)state;
	plan_init(&p);
	plan_fill(&p);
	for (s = 0; s < WB__MAX; s++)
		if (s == WB_TONE || s == WB_EVENTS) {
			wb_data_free(&p.s[s]);
			assert_int_equal(wb_data_init(&p.s[s], s), RT_OK);
		}
	render(&p, ORG, LANG_FR, 0, "empty-sections", &dc);
	check_no_blank_heading(&dc, LANG_FR, ORG);
	h = strstr(strstr(dc.text, "Page 1 de"), "Culture et ton");
	assert_non_null(h);
	assert_int_equal(strncmp(h, "Culture et ton \xC3\x80 compl\xC3\xA9ter",
	    strlen("Culture et ton \xC3\x80 compl\xC3\xA9ter")), 0);
	events = i18n_get(cat, LANG_FR, wb_sections[WB_EVENTS].title);
	assert_null(strstr(dc.text, events));
	assert_null(strstr(dc.text, "chaleureux"));
	doc_free(&dc);
	wb_plan_free(&p);
}

/* An empty plan still gives a small valid document, in both languages. */
static void
test_empty_plan(void **state)
{
	struct wb_plan p;
	struct doc dc;

	(void)state;
	plan_init(&p);
	render(&p, "", LANG_FR, 0, "empty-fr", &dc);
	assert_true(dc.pages >= 1 && dc.pages <= 4);
	assert_non_null(strstr(dc.text, "\xC3\x80 compl\xC3\xA9ter"));
	assert_null(strstr(dc.text, "Pi\xC3\xA8ges \xC3\xA0 corriger"));
	check_page_numbers(&dc, LANG_FR);
	doc_free(&dc);
	render(&p, NULL, LANG_EN, 1, "empty-en", &dc);
	assert_true(dc.pages >= 1 && dc.pages <= 4);
	assert_non_null(strstr(dc.text, "To complete"));
	check_page_numbers(&dc, LANG_EN);
	doc_free(&dc);
	wb_plan_free(&p);
}

/* Text that is not valid UTF-8, or very long without a space, still renders. */
static void
test_odd_text(void **state)
{
	struct wb_plan p;
	struct doc dc;
	char word[3001];

	(void)state;
	plan_init(&p);
	memset(word, 'x', sizeof word - 1);
	word[sizeof word - 1] = '\0';
	set(&p, WB_MISSION, "mission", word);
	set(&p, WB_MISSION, "means", "bad \xC3 byte \xF0\x9F\x8E\x89 emoji");
	render(&p, "Org \xFF", LANG_FR, 0, "odd", &dc);
	assert_non_null(strstr(dc.text, "emoji"));
	assert_non_null(strstr(dc.text, "\xF0\x9F\x8E\x89"));   /* drawn as a glyph, not lost */
	assert_non_null(strstr(dc.text, "xxxxxxxxxx"));
	doc_free(&dc);
	wb_plan_free(&p);
}

/* The first page from first (from 1) whose text holds needle, or 0. */
static int
page_from(const struct doc *dc, const char *needle, int first)
{
	int n;

	for (n = first; n <= dc->pages; n++) {
		char *t = page_text(dc, n);
		int found = strstr(t, needle) != NULL;

		free(t);
		if (found)
			return n;
	}
	return 0;
}

/*
 * The page the contents (pdftotext -raw of the first page) give for the
 * part titled title: the last number of the line under the title's.
 */
static int
toc_page(const struct doc *dc, const char *title)
{
	const char *s = dc->raw, *end = strchr(s, '\f'), *e;
	size_t len = strlen(title);
	int page = 0;

	assert_non_null(end);
	while (s < end) {
		e = strchr(s, '\n');
		assert_non_null(e);
		if ((size_t)(e - s) == len && memcmp(s, title, len) == 0) {
			const char *n = e + 1, *ne = strchr(n, '\n'), *q;

			assert_non_null(ne);
			for (q = ne; q > n && q[-1] >= '0' && q[-1] <= '9'; q--)
				;
			page = atoi(q);
			break;
		}
		s = e + 1;
	}
	if (page == 0)
		fail_msg("\"%s\" is not in the contents", title);
	return page;
}

/*
 * A plan with far more text than lib/pdf.c keeps the layouts of (its
 * KEEP_MAX, 128 KiB: forty posts of 4.5 KB), so that most of its layouts
 * are made anew in each pass: the two passes must agree all the same
 * (every page says "Page n of N" with N the real count, and the contents
 * give the pages where the parts are), and nothing is lost.
 */
static void
test_beyond_kept(void **state)
{
	struct wb_plan p;
	struct doc dc;
	char id[16], end[64], *text;
	size_t k, n, len = 4500;
	struct wb_item *it;
	static const char *const parts[] = { "Exemples de publications",
	    "\xC3\x89quipe et r\xC3\xA8gles", "\xC3\x89valuation" };

	(void)state;
	plan_init(&p);
	plan_fill(&p);
	text = malloc(len + 256);
	assert_non_null(text);
	for (k = 0; k < 40; k++) {
		snprintf(id, sizeof id, "big%zu", k);
		it = add_item(&p, WB_POSTS, id);
		item_set(WB_POSTS, it, "platform", "facebook");
		for (text[0] = '\0', n = 0; strlen(text) < len; n++)
			snprintf(text + strlen(text), len + 192 - strlen(text),
			    "Phrase %zu de la publication %zu, assez longue "
			    "pour remplir plusieurs lignes de la page. ", n, k);
		snprintf(end, sizeof end, "Fin de la publication %zu.", k);
		strcat(text, end);
		item_set(WB_POSTS, it, "text", text);
	}
	free(text);
	render(&p, ORG, LANG_FR, 0, "beyond-kept", &dc);
	assert_true(dc.pages > 40);
	for (k = 0; k < 40; k++) {
		snprintf(end, sizeof end, "Fin de la publication %zu.", k);
		if (strstr(dc.text, end) == NULL)
			fail_msg("\"%s\" missing", end);
	}
	check_page_numbers(&dc, LANG_FR);
	for (k = 0; k < sizeof parts / sizeof parts[0]; k++) {
		char heading[120];
		int want = toc_page(&dc, parts[k]);

		snprintf(heading, sizeof heading, "%zu %s", 11 + k, parts[k]);
		if (page_from(&dc, heading, 2) != want)
			fail_msg("\"%s\" on page %d, the contents say %d",
			    heading, page_from(&dc, heading, 2), want);
	}
	check_no_blank_heading(&dc, LANG_FR, ORG);
	doc_free(&dc);
	wb_plan_free(&p);
}

/*
 * Renders the demonstration plan in lang on paper (A4 unless letter) and
 * compares its page count and text with the fixture name, or rewrites the
 * fixture when TEST_PDF_GOLDEN=1.  On a difference, the new text is left
 * in tmpdir (kept) and the message says how to compare.
 */
static void
check_demo(enum lang lang, int letter, const char *name)
{
	struct wb_plan p;
	struct doc dc;
	char org[200], file[128], path[512], *got, *want;
	const char *golden = getenv("TEST_PDF_GOLDEN");
	size_t len;
	FILE *f;

	memset(&p, 0, sizeof p);
	assert_int_equal(demo_plan(lang, &p), RT_OK);
	assert_int_equal(demo_org_name(lang, org, sizeof org), RT_OK);
	render(&p, org, lang, letter, name, &dc);
	len = strlen(dc.raw) + 32;
	got = malloc(len);
	assert_non_null(got);
	snprintf(got, len, "pages: %d\n%s", dc.pages, dc.raw);
	snprintf(file, sizeof file, "%s.txt", name);
	fixture_path(path, sizeof path, file);
	if (golden != NULL && golden[0] == '1') {
		f = fopen(path, "wb");
		assert_non_null(f);
		assert_int_equal(fwrite(got, 1, strlen(got), f), strlen(got));
		assert_int_equal(fclose(f), 0);
		fprintf(stderr, "test_pdf: rewrote %s\n", path);
	} else {
		want = slurp(path);
		if (strcmp(got, want) != 0) {
			char mine[128];

			snprintf(mine, sizeof mine, "%s/%s.txt", tmpdir, name);
			f = fopen(mine, "wb");
			assert_non_null(f);
			fwrite(got, 1, strlen(got), f);
			fclose(f);
			setenv("TEST_PDF_KEEP", "1", 1);
			fail_msg("the demonstration plan's document changed: "
			    "diff %s %s (TEST_PDF_GOLDEN=1 rewrites it if "
			    "meant)", path, mine);
		}
		free(want);
	}
	free(got);
	doc_free(&dc);
	wb_plan_free(&p);
}

/* The demonstration plan's documents are those of the fixtures, page for page. */
static void
test_demo_golden(void **state)
{
	(void)state;
	check_demo(LANG_FR, 0, "pdf-demo-fr-a4");
	check_demo(LANG_EN, 1, "pdf-demo-en-letter");
}

/* What a thread renders, and what it got. */
struct job {
	const struct wb_plan *p;
	struct buf            out;
	int                   rc;
};

static void *
job_run(void *arg)
{
	struct job *j = arg;

	j->rc = pdf_plan(j->p, ORG, cat, LANG_FR, 0, NOW, &j->out);
	return NULL;
}

/* Documents made in parallel threads are whole and the same as one made alone. */
static void
test_threads(void **state)
{
	struct wb_plan p;
	struct job jobs[3];
	pthread_t th[3];
	struct buf alone = { 0 };
	size_t k;

	(void)state;
	plan_init(&p);
	plan_fill(&p);
	assert_int_equal(pdf_plan(&p, ORG, cat, LANG_FR, 0, NOW, &alone), RT_OK);
	for (k = 0; k < 3; k++) {
		memset(&jobs[k], 0, sizeof jobs[k]);
		jobs[k].p = &p;
		assert_int_equal(pthread_create(&th[k], NULL, job_run, &jobs[k]), 0);
	}
	for (k = 0; k < 3; k++) {
		assert_int_equal(pthread_join(th[k], NULL), 0);
		assert_int_equal(jobs[k].rc, RT_OK);
		assert_int_equal(jobs[k].out.len, alone.len);
		assert_memory_equal(jobs[k].out.data, alone.data, alone.len);
		buf_free(&jobs[k].out);
	}
	buf_free(&alone);
	wb_plan_free(&p);
}

/*
 * Writes into out, one after the other and each followed by ',', the
 * numbers written just before a '%' in text (a progress bar's figure,
 * with or without a space between), as many as fit.
 */
static void
percents(const char *text, char *out, size_t outlen)
{
	const char *pc, *end, *start;
	size_t len = 0;

	out[0] = '\0';
	for (pc = text; (pc = strchr(pc, '%')) != NULL; pc++) {
		end = pc;
		while (end > text && (end[-1] == ' ' ||
		    (end - text >= 2 && (unsigned char)end[-2] == 0xC2 &&
		    (unsigned char)end[-1] == 0xA0)))
			end -= end[-1] == ' ' ? 1 : 2;
		for (start = end; start > text && start[-1] >= '0' &&
		    start[-1] <= '9'; start--)
			;
		if (start == end || len + (size_t)(end - start) + 2 > outlen)
			continue;
		memcpy(out + len, start, (size_t)(end - start));
		len += (size_t)(end - start);
		out[len++] = ',';
		out[len] = '\0';
	}
}

/*
 * Through a share link (PDF_SHARED), the fields for the team only (how to
 * get into the accounts) are left out, and nothing else changes: the
 * progress of every section is that of the whole plan.
 */
static void
test_shared(void **state)
{
	static const char *const secret[] = {
		"info@comite-ete.example.org et le cellulaire du bureau",
		"Le mot de passe est dans le coffre de l'\xC3\xA9quipe",
	};
	struct wb_plan p;
	struct doc team, shared;
	char pt[512], ps[512];
	size_t k;

	(void)state;
	plan_init(&p);
	plan_fill(&p);
	/* Only the first account: the section's progress is not 100 %. */
	item_set(WB_ACCOUNTS, &p.s[WB_ACCOUNTS].lists[0].items[0], "recovery",
	    secret[0]);
	item_set(WB_ACCOUNTS, &p.s[WB_ACCOUNTS].lists[0].items[0], "notes",
	    secret[1]);
	render(&p, ORG, LANG_FR, 0, "team-fr", &team);
	render(&p, ORG, LANG_FR, PDF_SHARED, "shared-fr", &shared);
	for (k = 0; k < sizeof secret / sizeof secret[0]; k++) {
		if (strstr(team.text, secret[k]) == NULL)
			fail_msg("the team's PDF lacks \"%s\"", secret[k]);
		if (strstr(shared.text, secret[k]) != NULL)
			fail_msg("the shared PDF holds \"%s\"", secret[k]);
	}
	/* What the account still shows through a link. */
	assert_non_null(strstr(shared.text, "Registre-Martin Roy"));
	assert_non_null(strstr(shared.text, "@comite_ete"));
	percents(team.text, pt, sizeof pt);
	percents(shared.text, ps, sizeof ps);
	assert_true(strlen(pt) > 2 * WB__MAX);
	assert_string_equal(ps, pt);
	doc_free(&team);
	doc_free(&shared);
	wb_plan_free(&p);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_full_a4_fr),
		cmocka_unit_test(test_full_letter_en),
		cmocka_unit_test(test_cards_whole),
		cmocka_unit_test(test_empty_sections),
		cmocka_unit_test(test_empty_plan),
		cmocka_unit_test(test_odd_text),
		cmocka_unit_test(test_demo_golden),
		cmocka_unit_test(test_beyond_kept),
		cmocka_unit_test(test_threads),
		cmocka_unit_test(test_shared),
	};

	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
