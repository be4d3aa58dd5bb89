/*
 * workbook.c: the declarations of the workbook's sections and fields.
 *
 * This file is the one place that says what the workbook asks.  Labels,
 * hints and guidance are English message ids, translated through po/; the
 * words are our own, written for community organisers.
 */
#include <stddef.h>
#include <string.h>

#include "i18n.h"
#include "platform.h"
#include "plan.h"
#include "workbook.h"

#define NFIELDS(a) (sizeof(a) / sizeof((a)[0]))
#define TEXT_MAX 4000
#define LINE_MAX_ 300

/* Shorthands for the common field shapes; label is a message id. */
#define LINE(n, l)   { { n, FIELD_LINE, 0, 0, LINE_MAX_, NULL, l }, WB_LINE, NULL, NULL, -1, -1, 1 }
#define TEXT(n, l)   { { n, FIELD_TEXT, 0, 0, TEXT_MAX, NULL, l }, WB_TEXT, NULL, NULL, -1, -1, 1 }

/* 1. Starting point. */
static const struct wb_field start_fields[] = {
	LINE("website", N_("Website")),
	LINE("blog", N_("Blog")),
	LINE("newsletter", N_("Newsletter")),
	TEXT("existing", N_("Where we are already present online")),
	TEXT("does_well", N_("What we already do well online")),
	TEXT("community_use", N_("How our community uses social media")),
	{ { "hours", FIELD_DECIMAL, 0, 0, 80, NULL,
	    N_("Hours a week the team can really give") },
	  WB_NUMBER, NULL, NULL, -1, -1, 1 },
	TEXT("people", N_("The people involved")),
};

/* 2. Account registry. */
static const char *const account_platform_choices[] = {
	"facebook", "instagram", "linkedin", "x", "youtube", "tiktok",
	"pinterest", "snapchat", "threads", "bluesky", "mastodon", "flickr",
	"reddit", "other", NULL
};
static const char *const account_platform_labels[] = {
	"Facebook", "Instagram", "LinkedIn", "X", "YouTube", "TikTok",
	"Pinterest", "Snapchat", "Threads", "Bluesky", "Mastodon", "Flickr",
	"Reddit", N_("Other"), NULL
};
static const struct wb_field account_fields[] = {
	{ { "platform", FIELD_CHOICE, 1, 0, 0, account_platform_choices,
	    N_("Platform") },
	  WB_SELECT, NULL, account_platform_labels, -1, -1, 1 },
	LINE("handle", N_("Name or address of the account")),
	LINE("holder", N_("Who holds the access")),
	LINE("backup", N_("Who can take over")),
	LINE("recovery", N_("Recovery e-mail or phone (described, never the password)")),
	TEXT("notes", N_("Notes")),
};
static const struct wb_list account_lists[] = {
	{ "account", N_("Account %d"), N_("Add an account"), account_fields,
	  NFIELDS(account_fields), 30, "handle", NULL, NULL, -1, -1 },
};

/* 3. Mission. */
static const struct wb_field mission_fields[] = {
	TEXT("mission", N_("The mission of our organisation is to…")),
	TEXT("means", N_("We do this through…")),
	TEXT("strategy", N_("Our social-media strategy will support these objectives by…")),
};

/* 4. Objectives, and their kinds (the workbook's list of examples). */
const char *const wb_objective_kind_keys[WB_OBJECTIVE_KINDS + 1] = {
	[OBJ_KIND_ACTIVITY] = "activity",
	[OBJ_KIND_IMPACT] = "impact",
	[OBJ_KIND_AUDIENCES] = "audiences",
	[OBJ_KIND_NETWORKS] = "networks",
	[OBJ_KIND_TEST_IDEAS] = "test_ideas",
	[OBJ_KIND_EVALUATE] = "evaluate",
	[OBJ_KIND_RECRUIT_STAFF] = "recruit_staff",
	[OBJ_KIND_DOCUMENT] = "document",
	[OBJ_KIND_WEBSITE] = "website",
	[OBJ_KIND_SELL] = "sell",
	[OBJ_KIND_EVENTS] = "events",
	[OBJ_KIND_MOBILISE] = "mobilise",
	[OBJ_KIND_FUNDRAISE] = "fundraise",
	[OBJ_KIND_VOLUNTEERS] = "volunteers",
	[OBJ_KIND__MAX] = NULL
};

const char *const wb_objective_kind_labels[WB_OBJECTIVE_KINDS + 1] = {
	[OBJ_KIND_ACTIVITY] = N_("Make our activity known"),
	[OBJ_KIND_IMPACT] = N_("Make our impact known"),
	[OBJ_KIND_AUDIENCES] = N_("Reach specific audiences"),
	[OBJ_KIND_NETWORKS] =
	    N_("Join networks of organisations with the same mission"),
	[OBJ_KIND_TEST_IDEAS] = N_("Test ideas and consult"),
	[OBJ_KIND_EVALUATE] = N_("Evaluate activities"),
	[OBJ_KIND_RECRUIT_STAFF] = N_("Recruit staff"),
	[OBJ_KIND_DOCUMENT] = N_("Document experiences, in writing and photos"),
	[OBJ_KIND_WEBSITE] = N_("An alternative to a traditional website"),
	[OBJ_KIND_SELL] = N_("Sell products or services"),
	[OBJ_KIND_EVENTS] = N_("Promote events and manage registrations"),
	[OBJ_KIND_MOBILISE] = N_("Mobilise citizens"),
	[OBJ_KIND_FUNDRAISE] = N_("Raise funds"),
	[OBJ_KIND_VOLUNTEERS] = N_("Recruit volunteers"),
	[OBJ_KIND__MAX] = NULL
};

static const struct wb_field objective_fields[] = {
	{ { "text", FIELD_TEXT, 1, 0, 500, NULL, N_("Objective") },
	  WB_TEXT, NULL, NULL, -1, -1, 1 },
	{ { "kind", FIELD_CHOICE, 0, 0, 0, wb_objective_kind_keys,
	    N_("Kind of objective") },
	  WB_SELECT, NULL, wb_objective_kind_labels, -1, -1, 1 },
	{ { "serves", FIELD_TEXT, 0, 0, 1000, NULL,
	    N_("How it serves the mission") },
	  WB_TEXT, NULL, NULL, -1, -1, 1 },
	LINE("indicator", N_("Indicator")),
	{ { "target", FIELD_LINE, 0, 0, 200, NULL, N_("Target") },
	  WB_LINE, NULL, NULL, -1, -1, 1 },
	{ { "due", FIELD_DATE, 0, 0, 0, NULL, N_("Date") },
	  WB_DATE, NULL, NULL, -1, -1, 1 },
};
static const struct wb_list objective_lists[] = {
	{ "objective", N_("Objective %d"), N_("Add an objective"),
	  objective_fields, NFIELDS(objective_fields), 3, "text", NULL, NULL,
	  -1, -1 },
};

/* 5. Our story. */
static const struct wb_field story_fields[] = {
	TEXT("what_we_do", N_("What do we do?")),
	TEXT("problem", N_("What problem do we address?")),
	TEXT("solution", N_("What is our solution?")),
	TEXT("credibility", N_("Why are we credible?")),
	TEXT("unique", N_("What do we bring that nobody else does?")),
	TEXT("who_we_are", N_("Who are we?")),
	TEXT("beginnings", N_("How did we start?")),
	TEXT("successes", N_("What are our major successes?")),
	TEXT("back_cover", N_("The back cover of our biography")),
	{ { "pitch_short", FIELD_TEXT, 0, 0, 280, NULL,
	    N_("Short pitch (280 characters at most)") },
	  WB_COUNTED, NULL, NULL, -1, -1, 1 },
	{ { "pitch_long", FIELD_TEXT, 0, 0, 2000, NULL, N_("Longer pitch") },
	  WB_TEXT, NULL, NULL, -1, -1, 1 },
};
static const struct wb_field value_fields[] = {
	{ { "value", FIELD_LINE, 1, 0, 100, NULL, N_("Value") },
	  WB_LINE, NULL, NULL, -1, -1, 1 },
	TEXT("example", N_("A concrete example of how we live it")),
};
static const struct wb_list story_lists[] = {
	{ "value", N_("Value %d"), N_("Add a value"), value_fields,
	  NFIELDS(value_fields), 8, "value", NULL, NULL, -1, -1 },
};

/* 6. Culture and tone. */
static const char *const warmth_poles[] = { N_("Indignant"), N_("Warm") };
static const char *const formality_poles[] = { N_("Formal"), N_("Familiar") };
static const char *const play_poles[] = { N_("Serious"), N_("Playful") };
static const struct wb_field tone_fields[] = {
	{ { "warmth", FIELD_INT, 0, 1, 5, NULL, N_("Indignant or warm") },
	  WB_SCALE, NULL, warmth_poles, -1, -1, 1 },
	{ { "formality", FIELD_INT, 0, 1, 5, NULL, N_("Formal or familiar") },
	  WB_SCALE, NULL, formality_poles, -1, -1, 1 },
	{ { "playfulness", FIELD_INT, 0, 1, 5, NULL, N_("Serious or playful") },
	  WB_SCALE, NULL, play_poles, -1, -1, 1 },
	{ { "adjective_1", FIELD_LINE, 0, 0, 60, NULL, N_("Adjective 1") },
	  WB_LINE, NULL, NULL, -1, -1, 1 },
	{ { "adjective_2", FIELD_LINE, 0, 0, 60, NULL, N_("Adjective 2") },
	  WB_LINE, NULL, NULL, -1, -1, 0 },
	{ { "adjective_3", FIELD_LINE, 0, 0, 60, NULL, N_("Adjective 3") },
	  WB_LINE, NULL, NULL, -1, -1, 0 },
	{ { "adjective_4", FIELD_LINE, 0, 0, 60, NULL, N_("Adjective 4") },
	  WB_LINE, NULL, NULL, -1, -1, 0 },
	{ { "adjective_5", FIELD_LINE, 0, 0, 60, NULL, N_("Adjective 5") },
	  WB_LINE, NULL, NULL, -1, -1, 0 },
	{ { "sample", FIELD_TEXT, 0, 0, 500, NULL,
	    N_("One sentence written in our voice") },
	  WB_TEXT, NULL, NULL, -1, -1, 1 },
};

/* 7. Audiences and personas. */
static const char *const audience_choices[] = {
	"donors", "members", "volunteers", "partners", "media", NULL
};
static const char *const audience_labels[] = {
	N_("Current and potential donors"), N_("Current and potential members"),
	N_("Current and potential volunteers"), N_("Partner organisations"),
	N_("Journalists and media"), NULL
};
static const struct wb_field audience_fields[] = {
	{ { "groups", FIELD_MULTI, 0, 0, 0, audience_choices,
	    N_("Audience groups that matter to us") },
	  WB_CHECKS, NULL, audience_labels, -1, -1, 1 },
	LINE("other_groups", N_("Other groups")),
};
static const struct wb_field persona_fields[] = {
	{ { "name", FIELD_LINE, 1, 0, 100, NULL, N_("Name") },
	  WB_LINE, NULL, NULL, -1, -1, 1 },
	LINE("role", N_("Role or audience group")),
	{ { "age", FIELD_LINE, 0, 0, 40, NULL, N_("Age") },
	  WB_LINE, NULL, NULL, -1, -1, 1 },
	LINE("languages", N_("Languages")),
	{ { "platforms", FIELD_MULTI, 0, 0, 0, platform_keys,
	    N_("Platforms they use") },
	  WB_CHECKS, NULL, platform_names, -1, -1, 1 },
	TEXT("cares", N_("What they care about")),
	TEXT("words", N_("The words they use for their problems")),
	TEXT("worries", N_("Their worries about supporting us")),
	TEXT("reach", N_("How to reach them")),
	TEXT("details", N_("Other details")),
};
static const struct wb_list audience_lists[] = {
	{ "persona", N_("Persona %d"), N_("Add a persona"), persona_fields,
	  NFIELDS(persona_fields), 20, "name", NULL, NULL, -1, -1 },
};

/* 8. Platforms: one fixed item per platform of platform.h. */
static const struct wb_field platform_fields[] = {
	{ { "chosen", FIELD_BOOL, 0, 0, 0, NULL, N_("We choose this platform") },
	  WB_CHECKBOX, NULL, NULL, -1, -1, 1 },
	{ { "objectives", FIELD_MULTI, 0, 0, 3, NULL,
	    N_("Objectives it serves") },
	  WB_REFS, NULL, NULL, WB_OBJECTIVES, 0, 1 },
	{ { "personas", FIELD_MULTI, 0, 0, 20, NULL,
	    N_("Personas we reach there") },
	  WB_REFS, NULL, NULL, WB_AUDIENCES, 0, 1 },
	{ { "hours", FIELD_DECIMAL, 0, 0, 40, NULL,
	    N_("Hours a week we plan") },
	  WB_NUMBER, NULL, NULL, -1, -1, 1 },
	{ { "posts", FIELD_INT, 0, 0, 100, NULL, N_("Posts a week") },
	  WB_NUMBER, NULL, NULL, -1, -1, 1 },
	TEXT("purpose", N_("What we will do there")),
};
static const struct wb_list platform_lists[] = {
	{ "platform", N_("Platform %d"), NULL, platform_fields,
	  NFIELDS(platform_fields), PF__MAX, NULL, platform_keys,
	  platform_names, -1, -1 },
};

/* 9. Resources: from curating (1) to creating (5). */
static const char *const resource_poles[] = {
	N_("Curating what others make"), N_("Creating our own content")
};
static const struct wb_field resource_fields[] = {
	{ { "position", FIELD_INT, 0, 1, 5, NULL,
	    N_("Where we stand between curating and creating") },
	  WB_SCALE, NULL, resource_poles, -1, -1, 1 },
	TEXT("content_kinds", N_("The kinds of content we will share or make")),
	TEXT("hours_note", N_("What that means for our hours")),
};

/* 10. The eight content practices, as commitments. */
static const char *const practice_ids[] = {
	"photos", "collaboration", "short_personal", "positive",
	"audience_first", "engagement", "news_hooks", "existing_networks", NULL
};
static const char *const practice_titles[] = {
	N_("Use photos"), N_("Work with others"), N_("Short and personal"),
	N_("Stay positive"), N_("Think of the audience first"),
	N_("Invite engagement"), N_("Use the news"),
	N_("Lean on existing networks"), NULL
};
static const struct wb_field practice_fields[] = {
	{ { "adopt", FIELD_BOOL, 0, 0, 0, NULL, N_("We commit to this") },
	  WB_CHECKBOX, NULL, NULL, -1, -1, 1 },
	TEXT("how", N_("How we will do it")),
};
static const struct wb_list practice_lists[] = {
	{ "practice", N_("Practice %d"), NULL, practice_fields,
	  NFIELDS(practice_fields), 8, NULL, practice_ids, practice_titles,
	  -1, -1 },
};

/* 11. Sample posts. */
static const struct wb_field post_fields[] = {
	{ { "platform", FIELD_CHOICE, 1, 0, 0, platform_keys, N_("Platform") },
	  WB_SELECT, NULL, platform_names, -1, -1, 1 },
	{ { "objective", FIELD_LINE, 0, 0, WB_ID_MAX, NULL, N_("Objective") },
	  WB_REF, NULL, NULL, WB_OBJECTIVES, 0, 1 },
	{ { "persona", FIELD_LINE, 0, 0, WB_ID_MAX, NULL, N_("Persona") },
	  WB_REF, NULL, NULL, WB_AUDIENCES, 0, 1 },
	{ { "text", FIELD_TEXT, 1, 0, 10000, NULL, N_("Text of the post") },
	  WB_COUNTED, NULL, NULL, -1, -1, 1 },
	LINE("hashtags", N_("Hashtags")),
	TEXT("image", N_("Image or video")),
};
static const struct wb_list post_lists[] = {
	{ "post", N_("Post %d"), N_("Add a post"), post_fields,
	  NFIELDS(post_fields), 40, NULL, NULL, NULL, -1, -1 },
};

/* 12. Team and rules. */
static const char *const staying_choices[] = { "yes", "no", "unsure", NULL };
static const char *const staying_labels[] = {
	N_("Yes"), N_("No"), N_("We don't know"), NULL
};
static const char *const check_choices[] = {
	"daily", "weekdays", "weekly", "less", NULL
};
static const char *const check_labels[] = {
	N_("Every day"), N_("Every weekday"), N_("Once a week"),
	N_("Less often"), NULL
};
static const char *const answer_choices[] = {
	"same_day", "one_day", "two_days", "week", NULL
};
static const char *const answer_labels[] = {
	N_("The same day"), N_("Within 24 hours"), N_("Within two days"),
	N_("Within a week"), NULL
};
static const struct wb_field team_fields[] = {
	LINE("responsible", N_("Person responsible")),
	{ { "responsible_stays", FIELD_CHOICE, 0, 0, 0, staying_choices,
	    N_("Will they still be with us in a year?") },
	  WB_SELECT, NULL, staying_labels, -1, -1, 1 },
	LINE("backup", N_("Back-up person")),
	TEXT("who_may_post", N_("Who may post for the organisation")),
	TEXT("conditions", N_("Under what conditions")),
	TEXT("listening", N_("What we listen for: mentions, keywords, partners")),
	{ { "check_mentions", FIELD_CHOICE, 0, 0, 0, check_choices,
	    N_("How often we check mentions and messages") },
	  WB_SELECT, NULL, check_labels, -1, -1, 1 },
	{ { "answer_within", FIELD_CHOICE, 0, 0, 0, answer_choices,
	    N_("How fast we answer questions") },
	  WB_SELECT, NULL, answer_labels, -1, -1, 1 },
	LINE("crisis", N_("Who to call in a crisis")),
	TEXT("transparency", N_("What we commit to make public")),
};

/* 13. Evaluation: one review per objective. */
static const struct wb_field review_fields[] = {
	TEXT("measured", N_("What we measured")),
	TEXT("worked", N_("What worked")),
	TEXT("not_worked", N_("What did not work")),
	TEXT("next", N_("What we will change")),
	{ { "reviewed_on", FIELD_DATE, 0, 0, 0, NULL, N_("Reviewed on") },
	  WB_DATE, NULL, NULL, -1, -1, 1 },
};
static const struct wb_list review_lists[] = {
	{ "review", N_("Review %d"), NULL, review_fields,
	  NFIELDS(review_fields), 3, NULL, NULL, NULL, WB_OBJECTIVES, 0 },
};

/* 14. Event campaigns. */
static const struct wb_field event_fields[] = {
	{ { "name", FIELD_LINE, 1, 0, 150, NULL, N_("Event") },
	  WB_LINE, NULL, NULL, -1, -1, 1 },
	{ { "date", FIELD_DATE, 0, 0, 0, NULL, N_("Date") },
	  WB_DATE, NULL, NULL, -1, -1, 1 },
	TEXT("before", N_("Objectives before the event")),
	TEXT("during", N_("Objectives during the event")),
	TEXT("after", N_("Objectives after the event")),
	{ { "platforms", FIELD_MULTI, 0, 0, 0, platform_keys,
	    N_("Platforms") },
	  WB_CHECKS, NULL, platform_names, -1, -1, 1 },
	TEXT("notes", N_("Notes")),
};
static const struct wb_list event_lists[] = {
	{ "event", N_("Event %d"), N_("Add an event"), event_fields,
	  NFIELDS(event_fields), 10, "name", NULL, NULL, -1, -1 },
};

#define SECTION(slug, title, summary, f, l, opt) \
	{ slug, title, summary, NULL, f, NFIELDS(f), l, NFIELDS(l), opt }
#define SECTION_NOLIST(slug, title, summary, f, opt) \
	{ slug, title, summary, NULL, f, NFIELDS(f), NULL, 0, opt }
#define SECTION_LISTONLY(slug, title, summary, l, opt) \
	{ slug, title, summary, NULL, NULL, 0, l, NFIELDS(l), opt }

const struct wb_section_def wb_sections[WB__MAX] = {
	[WB_START] = SECTION_NOLIST("start", N_("Starting point"),
	    N_("What you already have, and the time you can really give."),
	    start_fields, 0),
	[WB_ACCOUNTS] = SECTION_LISTONLY("accounts", N_("Account registry"),
	    N_("Every account of the organisation, and who can get into it."),
	    account_lists, 0),
	[WB_MISSION] = SECTION_NOLIST("mission", N_("Mission"),
	    N_("Why your organisation exists, in three sentences."),
	    mission_fields, 0),
	[WB_OBJECTIVES] = SECTION_LISTONLY("objectives", N_("Objectives"),
	    N_("Up to three objectives tied to the mission, each measurable."),
	    objective_lists, 0),
	[WB_STORY] = SECTION("story", N_("Our story"),
	    N_("What you do, why it matters, and your pitch."),
	    story_fields, story_lists, 0),
	[WB_TONE] = SECTION_NOLIST("tone", N_("Culture and tone"),
	    N_("How your organisation sounds."), tone_fields, 0),
	[WB_AUDIENCES] = SECTION("audiences", N_("Audiences and personas"),
	    N_("The people you want to reach, as real as you can make them."),
	    audience_fields, audience_lists, 0),
	[WB_PLATFORMS] = SECTION_LISTONLY("platforms", N_("Platforms"),
	    N_("Where you will be, and the hours each platform takes."),
	    platform_lists, 0),
	[WB_RESOURCES] = SECTION_NOLIST("resources", N_("Resources"),
	    N_("Between sharing what others make and creating your own."),
	    resource_fields, 0),
	[WB_PRACTICES] = SECTION_LISTONLY("practices", N_("Content practices"),
	    N_("The habits that make posts work, as commitments."),
	    practice_lists, 0),
	[WB_POSTS] = SECTION_LISTONLY("posts", N_("Sample posts"),
	    N_("Drafts for each platform, counted as the platform counts."),
	    post_lists, 0),
	[WB_TEAM] = SECTION_NOLIST("team", N_("Team and rules"),
	    N_("Who is responsible, who may speak for you, how you listen."),
	    team_fields, 0),
	[WB_EVALUATION] = SECTION_LISTONLY("evaluation", N_("Evaluation"),
	    N_("How you will judge each objective, and what you learned."),
	    review_lists, 0),
	[WB_EVENTS] = SECTION_LISTONLY("events", N_("Event campaigns"),
	    N_("Before, during and after an event."), event_lists, 1),
};

int
wb_section_by_slug(const char *slug)
{
	int i;

	for (i = 0; i < WB__MAX; i++)
		if (strcmp(wb_sections[i].slug, slug) == 0)
			return i;
	return -1;
}

int
wb_field_index(const struct wb_field *fields, size_t n, const char *name)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(fields[i].def.name, name) == 0)
			return (int)i;
	return -1;
}
