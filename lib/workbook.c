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

/*
 * Shorthands for the common field shapes: n is the form name, l the label
 * and h the hint (message ids).
 */
#define TEXT(n, l) \
	{ { n, FIELD_TEXT, 0, 0, TEXT_MAX, NULL, l }, WB_TEXT, NULL, NULL, \
	  -1, -1, 1, 0 }
#define LINEH(n, l, h) \
	{ { n, FIELD_LINE, 0, 0, LINE_MAX_, NULL, l }, WB_LINE, h, NULL, \
	  -1, -1, 1, 0 }
#define TEXTH(n, l, h) \
	{ { n, FIELD_TEXT, 0, 0, TEXT_MAX, NULL, l }, WB_TEXT, h, NULL, \
	  -1, -1, 1, 0 }
/* LINEH and TEXTH for the team only (wb_field.team_only). */
#define LINEH_TEAM(n, l, h) \
	{ { n, FIELD_LINE, 0, 0, LINE_MAX_, NULL, l }, WB_LINE, h, NULL, \
	  -1, -1, 1, 1 }
#define TEXTH_TEAM(n, l, h) \
	{ { n, FIELD_TEXT, 0, 0, TEXT_MAX, NULL, l }, WB_TEXT, h, NULL, \
	  -1, -1, 1, 1 }

/* 1. Starting point. */
static const char *const start_guide[] = {
	N_("Before you open anything new, take stock of what you already "
	   "have: a website, a newsletter, a Facebook page someone created "
	   "years ago. Knowing where you start saves you from building the "
	   "same thing twice."),
	N_("Be honest about time. Count the hours that real people can give "
	   "every week, month after month, not the hours you wish you had. A "
	   "plan that fits three hours a week will outlast one that needs "
	   "fifteen and runs out of steam by October."),
	N_("Ask around as well: how do your members, partners, neighbours and "
	   "board already use social media? Their answers often show you where "
	   "to begin."),
	NULL
};
static const struct wb_field start_fields[] = {
	LINEH("website", N_("Website"),
	    N_("For example: https://www.example.org. Leave it empty if you "
	       "have none.")),
	LINEH("blog", N_("Blog"),
	    N_("Even an old one counts: say whether it is still kept up.")),
	LINEH("newsletter", N_("Newsletter"),
	    N_("For example: a monthly e-mail to our 300 members.")),
	TEXTH("existing", N_("Where we are already present online"),
	    N_("For example: a Facebook page with 450 followers, an Instagram "
	       "account nobody has posted on for a year, a YouTube channel "
	       "with three videos.")),
	TEXTH("does_well", N_("What we already do well online"),
	    N_("For example: our event photos get shared a lot; members answer "
	       "each other's questions in our Facebook group.")),
	TEXTH("community_use", N_("How our community uses social media"),
	    N_("Think of your members, partners, neighbourhood and board. For "
	       "example: most of our members are in the neighbourhood's "
	       "Facebook group; our partners post on LinkedIn.")),
	{ { "hours", FIELD_DECIMAL, 0, 0, 80, NULL,
	    N_("Hours a week the team can really give") },
	  WB_NUMBER,
	  N_("All of you together, in an ordinary week. Half hours are fine, "
	     "for example: 3.5."),
	  NULL, -1, -1, 1, 0 },
	TEXTH("people", N_("The people involved"),
	    N_("Who will do the work, and what they are good at. For example: "
	       "Julie, coordinator, two hours a week; Marc, volunteer, takes "
	       "great photos.")),
};

/* 2. Account registry. */
static const char *const accounts_guide[] = {
	N_("Accounts outlive the people who open them. When the only person "
	   "who knows how to log in leaves, a page can stay locked for good. "
	   "This registry lists every account of the organisation and who can "
	   "get into it."),
	N_("Never write a password here. Write where passwords are kept (a "
	   "password manager, a sealed envelope at the office) and which "
	   "e-mail address or phone number can recover the account. Use an "
	   "address that belongs to the organisation, such as info@, rather "
	   "than someone's personal one."),
	N_("Make sure at least two people can get into every account, and go "
	   "over this list whenever someone leaves the team or the board."),
	NULL
};
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
	  WB_SELECT, NULL, account_platform_labels, -1, -1, 1, 0 },
	LINEH("handle", N_("Name or address of the account"),
	    N_("For example: facebook.com/ourhousingcommittee or "
	       "@ourcommittee.")),
	LINEH("holder", N_("Who holds the access"),
	    N_("The person who can log in today, for example: the "
	       "coordinator.")),
	LINEH("backup", N_("Who can take over"),
	    N_("A second person, ideally in another role, for example: a "
	       "board member.")),
	/* How to get into the accounts: for the team, never for a share link. */
	LINEH_TEAM("recovery",
	    N_("Recovery e-mail or phone (described, never the password)"),
	    N_("For example: the organisation's info@ address and the office "
	       "cell phone.")),
	TEXTH_TEAM("notes", N_("Notes"),
	    N_("For example: opened in 2019; two-step verification is on; the "
	       "password is in the team's password manager.")),
};
static const struct wb_list account_lists[] = {
	{ "account", N_("Account %d"), N_("Add an account"), account_fields,
	  NFIELDS(account_fields), 30, "handle", NULL, NULL, -1, -1, NULL },
};

/* 3. Mission. */
static const char *const mission_guide[] = {
	N_("Everything in this workbook is measured against your mission. "
	   "Before talking about posts or platforms, write down why your "
	   "organisation exists and how it goes about it."),
	N_("Use everyday words, the way you would explain it to a neighbour "
	   "at the bus stop. If your board has adopted a mission statement, "
	   "start from it and make it plain."),
	N_("The third sentence is the bridge: what should social media add to "
	   "the work you already do? Reach tenants who do not know their "
	   "rights? Keep volunteers in the loop? Rally people quickly when a "
	   "building is sold?"),
	NULL
};
static const struct wb_field mission_fields[] = {
	TEXTH("mission", N_("The mission of our organisation is to…"),
	    N_("For example: defend the right to housing of the tenants of our "
	       "neighbourhood.")),
	TEXTH("means", N_("We do this through…"),
	    N_("Your main activities: services, campaigns, gatherings, "
	       "support.")),
	TEXTH("strategy",
	    N_("Our social-media strategy will support these objectives by…"),
	    N_("What social media should add to what you already do: reaching "
	       "people you miss today, keeping members informed, mobilising "
	       "quickly.")),
};

/* 4. Objectives, and their kinds (the workbook's list of examples). */
static const char *const objectives_guide[] = {
	N_("Why are you on social media at all? Choose up to three "
	   "objectives, each tied to your mission. A few you can really follow "
	   "are worth more than a long wish list."),
	N_("Be specific. “Engage the community” could mean anything; “bring 20 "
	   "tenants to our March assembly” tells you what to post and when you "
	   "are done. For each objective, pick something you can count, a "
	   "target and a date to check it."),
	N_("Vary your objectives. If they are all about donations, ask what "
	   "else social media could do for your cause: people seldom give to a "
	   "group they have never heard from. And do not expect social media "
	   "to solve everything: it supports your work, it does not replace "
	   "it."),
	NULL
};

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
	  WB_TEXT,
	  N_("For example: recruit ten new volunteers for our autumn tenant "
	     "clinics."),
	  NULL, -1, -1, 1, 0 },
	{ { "kind", FIELD_CHOICE, 0, 0, 0, wb_objective_kind_keys,
	    N_("Kind of objective") },
	  WB_SELECT,
	  N_("The closest kind is enough; it helps you see whether your "
	     "objectives are varied."),
	  wb_objective_kind_labels, -1, -1, 1, 0 },
	{ { "serves", FIELD_TEXT, 0, 0, 1000, NULL,
	    N_("How it serves the mission") },
	  WB_TEXT,
	  N_("For example: with more volunteers, the clinic can stay open two "
	     "evenings a week."),
	  NULL, -1, -1, 1, 0 },
	LINEH("indicator", N_("Indicator"),
	    N_("What you will count, e.g. volunteers who signed up after "
	       "seeing a post.")),
	{ { "target", FIELD_LINE, 0, 0, 200, NULL, N_("Target") },
	  WB_LINE, N_("A number to reach, e.g. 10."), NULL, -1, -1, 1, 0 },
	{ { "due", FIELD_DATE, 0, 0, 0, NULL, N_("Date") },
	  WB_DATE, N_("When you will check, as YYYY-MM-DD."), NULL, -1, -1, 1, 0 },
};
static const struct wb_list objective_lists[] = {
	{ "objective", N_("Objective %d"), N_("Add an objective"),
	  objective_fields, NFIELDS(objective_fields), 3, "text", NULL, NULL,
	  -1, -1, NULL },
};

/* 5. Our story. */
static const char *const story_guide[] = {
	N_("On social media you have a few seconds to say who you are. Groups "
	   "that have answered these questions once, calmly, find posts much "
	   "easier to write afterwards: the words are already there."),
	N_("Answer each question in a sentence or two. Then try your short "
	   "pitch on someone outside the organisation, a neighbour or a new "
	   "volunteer, and rework it until they can say it back to you."),
	N_("Values convince when they come with proof. Rather than “we believe "
	   "in solidarity”, tell how you live it: “our members go with each "
	   "other to the Administrative Housing Tribunal, so that nobody faces "
	   "a landlord alone.”"),
	NULL
};
static const struct wb_field story_fields[] = {
	TEXTH("what_we_do", N_("What do we do?"),
	    N_("For example: we inform tenants of their rights and help them "
	       "stand up for them.")),
	TEXTH("problem", N_("What problem do we address?"),
	    N_("For example: rents go up faster than incomes, and many tenants "
	       "do not know they can refuse an increase.")),
	TEXTH("solution", N_("What is our solution?"),
	    N_("For example: free information clinics, support before the "
	       "Administrative Housing Tribunal, and collective action.")),
	TEXTH("credibility", N_("Why are we credible?"),
	    N_("For example: thirty years in the neighbourhood, 400 households "
	       "helped last year, tenants on our board.")),
	TEXTH("unique", N_("What do we bring that nobody else does?"),
	    N_("Ask yourselves: what would be missing in the neighbourhood if "
	       "we closed tomorrow?")),
	TEXTH("who_we_are", N_("Who are we?"),
	    N_("For example: a committee run by tenants, with two staff "
	       "members and about forty volunteers.")),
	TEXTH("beginnings", N_("How did we start?"),
	    N_("For example: in 1992, the tenants of one building threatened "
	       "with eviction met in a church basement.")),
	TEXTH("successes", N_("What are our major successes?"),
	    N_("For example: a building saved from being turned into condos; a "
	       "social-housing project won after ten years of pressure.")),
	TEXTH("back_cover", N_("The back cover of our biography"),
	    N_("Imagine a book about your organisation: what would the few "
	       "lines on its back cover say to make someone want to read "
	       "it?")),
	{ { "pitch_short", FIELD_TEXT, 0, 0, 280, NULL,
	    N_("Short pitch (280 characters at most)") },
	  WB_COUNTED,
	  N_("Who you are, what you do and why it matters, short enough for a "
	     "post on X."),
	  NULL, -1, -1, 1, 0 },
	{ { "pitch_long", FIELD_TEXT, 0, 0, 2000, NULL, N_("Longer pitch") },
	  WB_TEXT,
	  N_("A paragraph you can reuse in the “About” section of a page, a "
	     "grant application or a word of welcome at an assembly."),
	  NULL, -1, -1, 1, 0 },
};
static const struct wb_field value_fields[] = {
	{ { "value", FIELD_LINE, 1, 0, 100, NULL, N_("Value") },
	  WB_LINE, N_("For example: solidarity, dignity, autonomy."), NULL,
	  -1, -1, 1, 0 },
	TEXTH("example", N_("A concrete example of how we live it"),
	    N_("For example: members go with each other to hearings, so that "
	       "nobody faces a landlord alone.")),
};
static const struct wb_list story_lists[] = {
	{ "value", N_("Value %d"), N_("Add a value"), value_fields,
	  NFIELDS(value_fields), 8, "value", NULL, NULL, -1, -1,
	  N_("Our values") },
};

/* 6. Culture and tone. */
static const char *const tone_guide[] = {
	N_("Every organisation has a voice, chosen or not. Naming yours helps "
	   "everyone who posts sound like the same group, and helps people "
	   "recognise you in a crowded feed."),
	N_("Place yourselves honestly on each scale. Indignant at injustice, "
	   "or warm and welcoming? Formal, or familiar? Serious, or quick to "
	   "laugh? There is no right answer, only the one that fits who you "
	   "are and who you speak to."),
	N_("Then ask people who know you: if your organisation walked into a "
	   "room, which words would they use to describe it? Keep three to "
	   "five adjectives, and write one sentence the way you would really "
	   "say it."),
	NULL
};
static const char *const warmth_poles[] = { N_("Indignant"), N_("Warm") };
static const char *const formality_poles[] = { N_("Formal"), N_("Familiar") };
static const char *const play_poles[] = { N_("Serious"), N_("Playful") };
static const struct wb_field tone_fields[] = {
	{ { "warmth", FIELD_INT, 0, 1, 5, NULL, N_("Indignant or warm") },
	  WB_SCALE, NULL, warmth_poles, -1, -1, 1, 0 },
	{ { "formality", FIELD_INT, 0, 1, 5, NULL, N_("Formal or familiar") },
	  WB_SCALE, NULL, formality_poles, -1, -1, 1, 0 },
	{ { "playfulness", FIELD_INT, 0, 1, 5, NULL, N_("Serious or playful") },
	  WB_SCALE, NULL, play_poles, -1, -1, 1, 0 },
	{ { "adjective_1", FIELD_LINE, 0, 0, 60, NULL, N_("Adjective 1") },
	  WB_LINE,
	  N_("One word per box, for example: welcoming, stubborn, funny, "
	     "down-to-earth."),
	  NULL, -1, -1, 1, 0 },
	{ { "adjective_2", FIELD_LINE, 0, 0, 60, NULL, N_("Adjective 2") },
	  WB_LINE, NULL, NULL, -1, -1, 0, 0 },
	{ { "adjective_3", FIELD_LINE, 0, 0, 60, NULL, N_("Adjective 3") },
	  WB_LINE, NULL, NULL, -1, -1, 0, 0 },
	{ { "adjective_4", FIELD_LINE, 0, 0, 60, NULL, N_("Adjective 4") },
	  WB_LINE, NULL, NULL, -1, -1, 0, 0 },
	{ { "adjective_5", FIELD_LINE, 0, 0, 60, NULL, N_("Adjective 5") },
	  WB_LINE, NULL, NULL, -1, -1, 0, 0 },
	{ { "sample", FIELD_TEXT, 0, 0, 500, NULL,
	    N_("One sentence written in our voice") },
	  WB_TEXT,
	  N_("For example: Your landlord wants to raise the rent? You have the "
	     "right to say no. Drop by on Tuesday evening and we will show you "
	     "how."),
	  NULL, -1, -1, 1, 0 },
};

/* 7. Audiences and personas. */
static const char *const audiences_guide[] = {
	N_("One message for everybody speaks to nobody. A donor, a tenant in "
	   "trouble and a journalist do not need the same words, and they do "
	   "not look in the same places."),
	N_("Start with the groups that matter to you, then picture one person "
	   "for each: a persona. Give them a name, an age, languages, the "
	   "platforms they really use, what they care about and what might "
	   "hold them back."),
	N_("Draw on people you actually meet at the office, at assemblies, "
	   "door to door. Three well-drawn personas are plenty. The examples "
	   "from a fictional housing committee can help you get started."),
	NULL
};
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
	  WB_CHECKS, N_("Tick the groups you want to reach in the coming "
	     "year."),
	  audience_labels, -1, -1, 1, 0 },
	LINEH("other_groups", N_("Other groups"),
	    N_("For example: elected officials, local shops, students.")),
};
static const struct wb_field persona_fields[] = {
	{ { "name", FIELD_LINE, 1, 0, 100, NULL, N_("Name") },
	  WB_LINE,
	  N_("A first name and what sums them up, for example: “Rosa, the new "
	     "neighbour”."),
	  NULL, -1, -1, 1, 0 },
	LINEH("role", N_("Role or audience group"),
	    N_("For example: current member, potential volunteer, partner, "
	       "donor.")),
	{ { "age", FIELD_LINE, 0, 0, 40, NULL, N_("Age") },
	  WB_LINE, N_("For example: 65, or 25 to 35."), NULL, -1, -1, 1, 0 },
	LINEH("languages", N_("Languages"),
	    N_("For example: Spanish and French, still learning French.")),
	{ { "platforms", FIELD_MULTI, 0, 0, 0, platform_keys,
	    N_("Platforms they use") },
	  WB_CHECKS, N_("Only those they really use, not those you would like "
	     "them to use."),
	  platform_names, -1, -1, 1, 0 },
	TEXTH("cares", N_("What they care about"),
	    N_("For example: keeping her apartment, meeting people, practising "
	       "her French.")),
	TEXTH("words", N_("The words they use for their problems"),
	    N_("Their own words, for example: “my landlord wants me out” "
	       "rather than “repossession of a dwelling”.")),
	TEXTH("worries", N_("Their worries about supporting us"),
	    N_("For example: “I don't have time”, “I'm not an activist”, “my "
	       "landlord might find out”.")),
	TEXTH("reach", N_("How to reach them"),
	    N_("For example: a poster in the lobby of the building, then a "
	       "short morning e-mail in plain French.")),
	TEXTH("details", N_("Other details"),
	    N_("Anything that helps you picture them: where they live, their "
	       "schedule, what brought them to you.")),
};
static const struct wb_list audience_lists[] = {
	{ "persona", N_("Persona %d"), N_("Add a persona"), persona_fields,
	  NFIELDS(persona_fields), 20, "name", NULL, NULL, -1, -1,
	  N_("Our personas") },
};

/* 8. Platforms: one fixed item per platform of platform.h. */
static const char *const platforms_guide[] = {
	N_("Fewer platforms, used well. Being half there in five places wears "
	   "the team out and disappoints followers; one page that answers "
	   "quickly and posts regularly does far more."),
	N_("Choose where your personas really are, where your objectives can "
	   "be reached, and what your team enjoys: people do better work on a "
	   "platform they like. The hours shown for each platform are what it "
	   "usually takes to do it properly."),
	N_("Keep the same name and logo everywhere, so that people recognise "
	   "you. But do not copy one post onto every platform: many followers "
	   "see you in more than one place, and each platform has its own "
	   "habits."),
	N_("If you are just starting, begin with a single platform. Add a "
	   "second one once the first runs smoothly."),
	NULL
};
static const struct wb_field platform_fields[] = {
	{ { "chosen", FIELD_BOOL, 0, 0, 0, NULL,
	    N_("We choose this platform") },
	  WB_CHECKBOX, NULL, NULL, -1, -1, 1, 0 },
	{ { "objectives", FIELD_MULTI, 0, 0, 3, NULL,
	    N_("Objectives it serves") },
	  WB_REFS, NULL, NULL, WB_OBJECTIVES, 0, 1, 0 },
	{ { "personas", FIELD_MULTI, 0, 0, 20, NULL,
	    N_("Personas we reach there") },
	  WB_REFS, NULL, NULL, WB_AUDIENCES, 0, 1, 0 },
	{ { "hours", FIELD_DECIMAL, 0, 0, 40, NULL,
	    N_("Hours a week we plan") },
	  WB_NUMBER,
	  N_("Compare with the usual time shown for this platform."),
	  NULL, -1, -1, 1, 0 },
	{ { "posts", FIELD_INT, 0, 0, 100, NULL, N_("Posts a week") },
	  WB_NUMBER,
	  N_("For example: 5 for about one post every weekday."),
	  NULL, -1, -1, 1, 0 },
	TEXTH("purpose", N_("What we will do there"),
	    N_("For example: announce the clinics, share tenants' victories, "
	       "answer questions sent by message.")),
};
static const struct wb_list platform_lists[] = {
	{ "platform", N_("Platform %d"), NULL, platform_fields,
	  NFIELDS(platform_fields), PF__MAX, NULL, platform_keys,
	  platform_names, -1, -1, NULL },
};

/* 9. Resources: from curating (1) to creating (5). */
static const char *const resources_guide[] = {
	N_("Most platforms are free; time is not. Decide where you stand "
	   "between two ways of working: sharing what others make, or creating "
	   "your own."),
	N_("Curating means finding articles, resources and news linked to your "
	   "cause, and sharing them with a line of your own. It is light work, "
	   "and it already informs your audience and shows what you stand "
	   "for."),
	N_("Creating means your own photos, videos, articles or blog. It takes "
	   "much more time and skill, and your objectives may not even need "
	   "it. Most groups land somewhere in between; when time is short, "
	   "start by curating and build from there."),
	NULL
};
static const char *const resource_poles[] = {
	N_("Curating what others make"), N_("Creating our own content")
};
static const struct wb_field resource_fields[] = {
	{ { "position", FIELD_INT, 0, 1, 5, NULL,
	    N_("Where we stand between curating and creating") },
	  WB_SCALE, NULL, resource_poles, -1, -1, 1, 0 },
	TEXTH("content_kinds", N_("The kinds of content we will share or make"),
	    N_("For example: articles from our regional housing coalition "
	       "twice a week; one photo of our own after each clinic; a short "
	       "video each season.")),
	TEXTH("hours_note", N_("What that means for our hours"),
	    N_("For example: sharing takes about an hour a week; the seasonal "
	       "video adds three hours in the month we make it.")),
};

/* 10. The eight content practices, as commitments. */
static const char *const practices_guide[] = {
	N_("These eight habits make posts work on every platform. Read each "
	   "one, tick those you commit to, and say in a line how your group "
	   "will do it."),
	N_("In short: photos are what people stop for. Sharing and tagging "
	   "other groups widens your circle. Short, personal posts beat press "
	   "releases. Thanks and good news draw people in more than constant "
	   "anger. Ask whether each post is useful or moving for the people "
	   "reading it."),
	N_("Questions invite replies, and replies make it social. Linking your "
	   "cause to the day's news gives people a reason to care now. And "
	   "networks that already exist, such as your coalition, your funders "
	   "and your partners, will often share your news if you ask."),
	N_("You do not need all eight from day one. Two or three commitments "
	   "you keep are worth more than eight forgotten by spring."),
	NULL
};
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
	  WB_CHECKBOX, NULL, NULL, -1, -1, 1, 0 },
	TEXTH("how", N_("How we will do it"),
	    N_("Something concrete: who, when, how often. For example: one "
	       "good photo at every activity, with the consent of the people "
	       "in it.")),
};
static const struct wb_list practice_lists[] = {
	{ "practice", N_("Practice %d"), NULL, practice_fields,
	  NFIELDS(practice_fields), 8, NULL, practice_ids, practice_titles,
	  -1, -1, NULL },
};

/* 11. Sample posts. */
static const char *const posts_guide[] = {
	N_("Time to try it out. Take one objective and one persona, pick a "
	   "platform, and write the post you would publish. A few drafts will "
	   "show you whether the plan holds together."),
	N_("The counter counts characters the way each platform does, so you "
	   "see right away whether your text fits. Then read it again with "
	   "your tone and your practices in mind: is there a photo, a "
	   "question, a thank-you?"),
	N_("Write a version for each platform rather than pasting the same "
	   "text everywhere."),
	NULL
};
static const struct wb_field post_fields[] = {
	{ { "platform", FIELD_CHOICE, 1, 0, 0, platform_keys, N_("Platform") },
	  WB_SELECT, NULL, platform_names, -1, -1, 1, 0 },
	{ { "objective", FIELD_LINE, 0, 0, WB_ID_MAX, NULL, N_("Objective") },
	  WB_REF, NULL, NULL, WB_OBJECTIVES, 0, 1, 0 },
	{ { "persona", FIELD_LINE, 0, 0, WB_ID_MAX, NULL, N_("Persona") },
	  WB_REF, NULL, NULL, WB_AUDIENCES, 0, 1, 0 },
	{ { "text", FIELD_TEXT, 1, 0, 10000, NULL, N_("Text of the post") },
	  WB_COUNTED,
	  N_("Write it exactly as it would appear, in your own voice."),
	  NULL, -1, -1, 1, 0 },
	LINEH("hashtags", N_("Hashtags"),
	    N_("For example: #housing #tenantrights. A few well-chosen ones "
	       "beat a long list.")),
	TEXTH("image", N_("Image or video"),
	    N_("Describe the photo or video, and write the text that describes "
	       "it for people who cannot see it.")),
};
static const struct wb_list post_lists[] = {
	{ "post", N_("Post %d"), N_("Add a post"), post_fields,
	  NFIELDS(post_fields), 40, NULL, NULL, NULL, -1, -1, NULL },
};

/* 12. Team and rules. */
static const char *const team_guide[] = {
	N_("Name one person responsible for social media, and a second who can "
	   "take over during holidays, sick leave or a departure. Think twice "
	   "before leaving it all to an intern who will be gone in three "
	   "months."),
	N_("Write down who may post in the organisation's name, and on what "
	   "conditions: knowing the platform, speaking as the organisation "
	   "rather than as oneself, being able to answer questions, knowing "
	   "when to pass a tricky one on."),
	N_("Social media is a conversation: listen as much as you speak. Check "
	   "mentions and messages regularly, answer questions, and follow the "
	   "keywords and partners that matter to your cause."),
	N_("Say what you will make public, such as how much was raised and "
	   "what it paid for, and be ready to talk about setbacks as well as "
	   "successes. That is how trust is built."),
	NULL
};
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
	LINEH("responsible", N_("Person responsible"),
	    N_("For example: Julie, community organiser.")),
	{ { "responsible_stays", FIELD_CHOICE, 0, 0, 0, staying_choices,
	    N_("Will they still be with us in a year?") },
	  WB_SELECT,
	  N_("If not, plan now how they will hand over."),
	  staying_labels, -1, -1, 1, 0 },
	LINEH("backup", N_("Back-up person"),
	    N_("For example: Ahmed, treasurer of the board.")),
	TEXTH("who_may_post", N_("Who may post for the organisation"),
	    N_("For example: the staff and two trained volunteers; board "
	       "members share our posts but do not post as the "
	       "organisation.")),
	TEXTH("conditions", N_("Under what conditions"),
	    N_("For example: they have read this plan, write in our tone, and "
	       "never share a tenant's situation without their consent.")),
	TEXTH("listening",
	    N_("What we listen for: mentions, keywords, partners"),
	    N_("For example: our name; “rent increase” and “renoviction” with "
	       "the name of our neighbourhood; the posts of the city and of "
	       "our coalition.")),
	{ { "check_mentions", FIELD_CHOICE, 0, 0, 0, check_choices,
	    N_("How often we check mentions and messages") },
	  WB_SELECT, NULL, check_labels, -1, -1, 1, 0 },
	{ { "answer_within", FIELD_CHOICE, 0, 0, 0, answer_choices,
	    N_("How fast we answer questions") },
	  WB_SELECT, NULL, answer_labels, -1, -1, 1, 0 },
	LINEH("crisis", N_("Who to call in a crisis"),
	    N_("For example: the coordinator, then the president of the "
	       "board.")),
	TEXTH("transparency", N_("What we commit to make public"),
	    N_("For example: how much each campaign raised and what it paid "
	       "for; the decisions of our general assembly.")),
};

/* 13. Evaluation: one review per objective. */
static const char *const evaluation_guide[] = {
	N_("Come back to each objective on the date you set, and look at its "
	   "indicator: did you reach the target? The platforms' statistics "
	   "help, and so do simple counts, such as how many people say they "
	   "came because of a post."),
	N_("Write down what worked, what did not, and what you will change. A "
	   "missed target is not a failure if it teaches you something: that "
	   "is how a plan gets better."),
	N_("Share these reviews with your team and your board, then update the "
	   "plan. Objectives, platforms and hours can all change."),
	NULL
};
static const struct wb_field review_fields[] = {
	TEXTH("measured", N_("What we measured"),
	    N_("For example: 14 volunteers signed up, and 6 of them said they "
	       "saw our Facebook post.")),
	TEXTH("worked", N_("What worked"),
	    N_("For example: photos of volunteers at work were shared three "
	       "times as often as our announcements.")),
	TEXTH("not_worked", N_("What did not work"),
	    N_("For example: nobody reacted to our posts on LinkedIn.")),
	TEXTH("next", N_("What we will change"),
	    N_("For example: set LinkedIn aside for now and post twice a week "
	       "on Facebook.")),
	{ { "reviewed_on", FIELD_DATE, 0, 0, 0, NULL, N_("Reviewed on") },
	  WB_DATE, NULL, NULL, -1, -1, 1, 0 },
};
static const struct wb_list review_lists[] = {
	{ "review", N_("Review %d"), NULL, review_fields,
	  NFIELDS(review_fields), 3, NULL, NULL, NULL, WB_OBJECTIVES, 0,
	  NULL },
};

/* 14. Event campaigns. */
static const char *const events_guide[] = {
	N_("An assembly, a demonstration or a benefit supper is a great moment "
	   "for social media, if you plan it in three stages."),
	N_("Before: stir up interest, make registering easy, let participants "
	   "get to know each other. During: share what is happening, with "
	   "photos and quotes, for those who could not come. After: share the "
	   "results, thank volunteers, partners and funders, and keep a record "
	   "of it all."),
	N_("Decide ahead of time who will post during the event: the people "
	   "running it rarely have a free hand."),
	NULL
};
static const struct wb_field event_fields[] = {
	{ { "name", FIELD_LINE, 1, 0, 150, NULL, N_("Event") },
	  WB_LINE, N_("For example: general assembly of tenants."), NULL,
	  -1, -1, 1, 0 },
	{ { "date", FIELD_DATE, 0, 0, 0, NULL, N_("Date") },
	  WB_DATE, NULL, NULL, -1, -1, 1, 0 },
	TEXTH("before", N_("Objectives before the event"),
	    N_("For example: three posts in the two weeks before, an online "
	       "registration form, a reminder the day before.")),
	TEXTH("during", N_("Objectives during the event"),
	    N_("For example: photos and a few quotes from the speakers, posted "
	       "as it happens.")),
	TEXTH("after", N_("Objectives after the event"),
	    N_("For example: a thank-you post with photos, the decisions taken "
	       "and a link to the report.")),
	{ { "platforms", FIELD_MULTI, 0, 0, 0, platform_keys,
	    N_("Platforms") },
	  WB_CHECKS, NULL, platform_names, -1, -1, 1, 0 },
	TEXT("notes", N_("Notes")),
};
static const struct wb_list event_lists[] = {
	{ "event", N_("Event %d"), N_("Add an event"), event_fields,
	  NFIELDS(event_fields), 10, "name", NULL, NULL, -1, -1, NULL },
};

/*
 * A section: s slug, t title, sm summary, g guide, f fields, l lists, opt
 * optional.
 */
#define SECTION(s, t, sm, g, f, l, opt) \
	{ s, t, sm, g, f, NFIELDS(f), l, NFIELDS(l), opt }
#define SECTION_NOLIST(s, t, sm, g, f, opt) \
	{ s, t, sm, g, f, NFIELDS(f), NULL, 0, opt }
#define SECTION_LISTONLY(s, t, sm, g, l, opt) \
	{ s, t, sm, g, NULL, 0, l, NFIELDS(l), opt }

const struct wb_section_def wb_sections[WB__MAX] = {
	[WB_START] = SECTION_NOLIST("start", N_("Starting point"),
	    N_("What you already have, and the time you can really give."),
	    start_guide, start_fields, 0),
	[WB_ACCOUNTS] = SECTION_LISTONLY("accounts", N_("Account registry"),
	    N_("Every account of the organisation, and who can get into it."),
	    accounts_guide, account_lists, 0),
	[WB_MISSION] = SECTION_NOLIST("mission", N_("Mission"),
	    N_("Why your organisation exists, in three sentences."),
	    mission_guide, mission_fields, 0),
	[WB_OBJECTIVES] = SECTION_LISTONLY("objectives", N_("Objectives"),
	    N_("Up to three objectives tied to the mission, each measurable."),
	    objectives_guide, objective_lists, 0),
	[WB_STORY] = SECTION("story", N_("Our story"),
	    N_("What you do, why it matters, and your pitch."),
	    story_guide, story_fields, story_lists, 0),
	[WB_TONE] = SECTION_NOLIST("tone", N_("Culture and tone"),
	    N_("How your organisation sounds."), tone_guide, tone_fields, 0),
	[WB_AUDIENCES] = SECTION("audiences", N_("Audiences and personas"),
	    N_("The people you want to reach, as real as you can make them."),
	    audiences_guide, audience_fields, audience_lists, 0),
	[WB_PLATFORMS] = SECTION_LISTONLY("platforms", N_("Platforms"),
	    N_("Where you will be, and the hours each platform takes."),
	    platforms_guide, platform_lists, 0),
	[WB_RESOURCES] = SECTION_NOLIST("resources", N_("Resources"),
	    N_("Between sharing what others make and creating your own."),
	    resources_guide, resource_fields, 0),
	[WB_PRACTICES] = SECTION_LISTONLY("practices", N_("Content practices"),
	    N_("The habits that make posts work, as commitments."),
	    practices_guide, practice_lists, 0),
	[WB_POSTS] = SECTION_LISTONLY("posts", N_("Sample posts"),
	    N_("Drafts for each platform, counted as the platform counts."),
	    posts_guide, post_lists, 0),
	[WB_TEAM] = SECTION_NOLIST("team", N_("Team and rules"),
	    N_("Who is responsible, who may speak for you, how you listen."),
	    team_guide, team_fields, 0),
	[WB_EVALUATION] = SECTION_LISTONLY("evaluation", N_("Evaluation"),
	    N_("How you will judge each objective, and what you learned."),
	    evaluation_guide, review_lists, 0),
	[WB_EVENTS] = SECTION_LISTONLY("events", N_("Event campaigns"),
	    N_("Before, during and after an event."), events_guide,
	    event_lists, 1),
};

/*
 * The example personas of a fictional neighbourhood housing committee, in
 * the order of persona_fields: name, role, age, languages, platforms (keys
 * of platform.h, not translated), cares, words, worries, reach, details.
 */
const struct wb_example_persona wb_example_personas[WB_EXAMPLE_PERSONAS] = {
	{ N_("Mélanie, the activist"), {
	    N_("Mélanie, the activist"),
	    N_("Current volunteer"),
	    "26",
	    N_("Mostly French"),
	    "x,facebook",
	    N_("She has just finished her social work degree and wants to "
	       "commit to her neighbourhood for the long run, in a group that "
	       "shares her radical values and gets things done."),
	    N_("“Right to housing”, “gentrification”, “renoviction”, “tenants "
	       "organising together”."),
	    N_("That the committee only offers services and never takes a "
	       "stand; that her time will be spent on paperwork rather than "
	       "action."),
	    N_("Posts on X and Facebook about campaigns and actions, with a "
	       "clear way to get involved: a date, a place, a task."),
	    N_("Posts a lot and shares quickly. Once she feels at home, she "
	       "can bring friends from her program."),
	} },
	{ N_("Lina, the tenant"), {
	    N_("Lina, the tenant"),
	    N_("Current member"),
	    "65",
	    N_("French is not her first language; she wants to practise it"),
	    "facebook",
	    N_("Keeping her apartment: her landlord is trying to push her out "
	       "so that he can raise the rent. She would also like to make new "
	       "friends."),
	    N_("“My landlord wants me out”, “my lease”, “the rent is too "
	       "high”."),
	    N_("She knows little about community organisations and wonders "
	       "whether it costs anything, and whether her landlord will find "
	       "out."),
	    N_("A short e-mail in plain French, in the morning, when she reads "
	       "her mail. On Facebook now and then. A call or a word at the "
	       "door always helps."),
	    N_("Lives alone in an apartment in the neighbourhood. A friendly "
	       "activity, such as a coffee with other tenants, can bring her "
	       "in as much as legal help."),
	} },
	{ N_("Pascha, the professional"), {
	    N_("Pascha, the professional"),
	    N_("Potential volunteer"),
	    "35",
	    N_("French, English and Arabic"),
	    "facebook,linkedin",
	    N_("Finding her place in a neighbourhood she has just moved to, "
	       "and putting her communication skills to good use, as she did "
	       "where she lived before."),
	    N_("“Getting involved”, “volunteering”, “communications”, "
	       "“meeting my neighbours”."),
	    N_("She does not yet know the neighbourhood's issues or history, "
	       "and fears she will not be useful; she wants a clear task and a "
	       "schedule she can keep."),
	    N_("Facebook and e-mail on her phone; LinkedIn for a call for "
	       "volunteers with specific skills."),
	    N_("Was very involved in her former neighbourhood. She could help "
	       "with our posts and our newsletter, in three languages."),
	} },
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
