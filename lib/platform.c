/*
 * platform.c: the reference table of the platforms.
 *
 * Hours a week, posting rhythm and audience come from COCo's workbook
 * "Réseauter pour transformer" where it gives them (its audience figures
 * date from the mid-2010s, and the text says so); for the platforms it
 * does not cover, or where it gives no figure, the hours are our own
 * estimate and hours_note says so.  Text limits are the platforms' own as
 * of 2026.  Every text is an English message id in our own words.
 */
#include <stddef.h>
#include <string.h>

#include "i18n.h"
#include "platform.h"

const struct platform_info platforms[PF__MAX] = {
	[PF_FACEBOOK] = {
		"facebook", "Facebook", 1, 5,
		N_("From COCo's workbook: 1 to 5 hours a week. The low end "
		   "keeps a page alive; the high end leaves time to answer "
		   "comments and messages."),
		N_("Once or twice a day"),
		/* xgettext:no-c-format */
		N_("The most used network in every age group, and the one "
		   "non-profits use most. People over 30 are its most faithful "
		   "users; younger people have an account but prefer other "
		   "networks. In the mid-2010s, 65% of Quebecers used it, more "
		   "than the Canadian average."),
		N_("Free. Ads cost money, but not much."),
		N_("Keeping members and volunteers informed, announcing events "
		   "and taking registrations, discussing in a group, answering "
		   "questions. Its statistics show you what works."),
		PF_COUNT_CODEPOINTS, 63206, 0, 2
	},
	[PF_INSTAGRAM] = {
		"instagram", "Instagram", 2, 5,
		N_("From COCo's workbook: 2 to 5 hours a week, good photos "
		   "included."),
		N_("Once a day"),
		/* xgettext:no-c-format */
		N_("Young and urban: in the mid-2010s, 90% of its users were "
		   "under 30, spread evenly across income levels, and it was "
		   "the network most used by people living in cities."),
		N_("Free; ads are paid."),
		N_("Showing the life of your group in beautiful pictures and "
		   "short videos; upbeat stories that win support. Links in "
		   "posts cannot be clicked, which makes raising funds "
		   "harder."),
		PF_COUNT_CODEPOINTS, 2200, 5, 0
	},
	[PF_LINKEDIN] = {
		"linkedin", "LinkedIn", 3, 4,
		N_("From COCo's workbook: 3 to 4 hours a week to do it well. "
		   "A basic page for the organisation can get by on a few "
		   "hours a month."),
		N_("Once a day"),
		N_("Professionals with solid schooling or long experience, "
		   "mostly aged 30 to 50. In the mid-2010s it ranked second "
		   "only to Facebook in Canada, mostly among English "
		   "speakers."),
		N_("Basic membership is free; premium subscriptions have "
		   "varying prices."),
		N_("Recruiting board members, volunteers and staff; talking "
		   "about good practice with organisations in your field; "
		   "showing what you know. It works best when your staff take "
		   "part with their own profiles, if they are willing."),
		PF_COUNT_CODEPOINTS, 3000, 0, 0
	},
	[PF_X] = {
		"x", "X", 5, 5,
		N_("From COCo's workbook: at least 5 hours a week to do it "
		   "well, because it rewards being there as things happen."),
		N_("At least three times a day; a quiet spell now and then "
		   "does little harm."),
		/* xgettext:no-c-format */
		N_("In the mid-2010s, young adults were the most active (27% "
		   "of people aged 18 to 29, against 16% of those over 30), "
		   "and its use was about the same at every income level. Many "
		   "users and organisations have left it since 2022."),
		N_("Free; ads are paid, and some features need a "
		   "subscription."),
		N_("Campaigns that follow the news, reacting quickly, speaking "
		   "with journalists and elected officials, covering an action "
		   "live. Scheduled posts alone do poorly here."),
		PF_COUNT_X, 280, 0, 0
	},
	[PF_YOUTUBE] = {
		"youtube", "YouTube", 1, 4,
		N_("Our estimate: 1 to 4 hours a week on average, mostly "
		   "filming and editing; a single video can take a whole "
		   "day."),
		N_("One or two videos a month"),
		N_("Nearly every age group. People go there looking for "
		   "explanations and how-to videos."),
		N_("Free. A good video mostly costs time, and sometimes a "
		   "microphone."),
		N_("Explaining rights and procedures step by step, "
		   "testimonies, recordings of talks. A video stays useful for "
		   "years and can be shared on every other platform."),
		PF_COUNT_CODEPOINTS, 5000, 0, 0
	},
	[PF_TIKTOK] = {
		"tiktok", "TikTok", 3, 6,
		N_("Our estimate: 3 to 6 hours a week. Short videos are quick "
		   "to post but take practice, and trends move fast."),
		N_("Several short videos a week"),
		N_("Mostly teenagers and adults under 35, with older people "
		   "joining."),
		N_("Free; ads are paid."),
		N_("Reaching young people with short, human, funny or moving "
		   "videos that explain one thing at a time. Spontaneity "
		   "counts for more than polish."),
		PF_COUNT_CODEPOINTS, 4000, 0, 0
	},
	[PF_PINTEREST] = {
		"pinterest", "Pinterest", 1, 2,
		N_("There is little data on this. Our estimate: 1 to 2 hours a "
		   "week if you reuse the pictures and videos you already "
		   "have, more if it proves worthwhile."),
		N_("A few pins a week"),
		/* xgettext:no-c-format */
		N_("In the mid-2010s, mostly women (84%), rather well-off and "
		   "over 30; the only network with more rural than urban "
		   "users."),
		N_("Free."),
		N_("Bringing people to your website; sharing infographics, "
		   "guides and inspiring photos, if your mission produces "
		   "them."),
		PF_COUNT_CODEPOINTS, 500, 0, 0
	},
	[PF_SNAPCHAT] = {
		"snapchat", "Snapchat", 4, 8,
		N_("COCo's workbook gives no figure, only that it takes a lot "
		   "of time: followers are hard to win and the app takes long "
		   "to learn. Our estimate: 4 to 8 hours a week."),
		N_("A few stories a week"),
		/* xgettext:no-c-format */
		N_("Very young: in the mid-2010s, 45% of its users were under "
		   "24, though older people were starting to join."),
		N_("Free; ads are paid."),
		N_("Playful, behind-the-scenes moments for a young audience. "
		   "Worth a try only if the people you want to reach are "
		   "already there."),
		PF_COUNT_CODEPOINTS, 250, 0, 0
	},
	[PF_THREADS] = {
		"threads", "Threads", 1, 3,
		N_("Our estimate: 1 to 3 hours a week, less if you already run "
		   "an Instagram account, since the two are linked."),
		N_("Once a day"),
		N_("Opened by Meta in 2023 and tied to Instagram accounts; its "
		   "users are much like Instagram's."),
		N_("Free."),
		N_("Conversations and short news for people who already follow "
		   "you on Instagram. A post can carry only one topic tag."),
		PF_COUNT_CODEPOINTS, 500, 1, 0
	},
	[PF_BLUESKY] = {
		"bluesky", "Bluesky", 2, 4,
		N_("Our estimate: 2 to 4 hours a week, as on X, for a smaller "
		   "audience that often takes part more."),
		N_("One to three times a day"),
		N_("Smaller than X. Many journalists, researchers, activists "
		   "and organisations have moved there since 2023."),
		N_("Free."),
		N_("Following the news and the conversation about your cause, "
		   "talking with journalists and allies, with feeds that "
		   "people choose for themselves."),
		PF_COUNT_GRAPHEMES, 300, 0, 0
	},
	[PF_MASTODON] = {
		"mastodon", "Mastodon", 1, 3,
		N_("Our estimate: 1 to 3 hours a week; the first steps take "
		   "longer, since you must choose a server."),
		N_("A few times a week, up to once a day"),
		N_("Small and spread over thousands of independent servers, "
		   "some of them in French and in Québec. Many people who care "
		   "about privacy, free software and the commons."),
		N_("Free; many servers live on donations."),
		N_("Reaching communities that care about privacy and the "
		   "commons, with no ads and no algorithm. A good second "
		   "platform, rarely a first one."),
		PF_COUNT_MASTODON, 500, 0, 0
	},
	[PF_FLICKR] = {
		"flickr", "Flickr", 0.5, 1,
		N_("Our estimate: half an hour to an hour a week, mostly to "
		   "sort and caption the photos of your activities."),
		N_("An album after each activity"),
		N_("Photographers and people looking for images. A small "
		   "audience, but photos stay easy to find for years."),
		N_("Free up to 1,000 photos; a paid subscription lifts the "
		   "limit."),
		N_("Keeping a photo archive of your activities, under licences "
		   "that let partners and media reuse the pictures."),
		PF_COUNT_CODEPOINTS, 0, 0, 0
	},
	[PF_REDDIT] = {
		"reddit", "Reddit", 1, 3,
		N_("Our estimate: 1 to 3 hours a week, reading and taking part "
		   "in discussions rather than posting announcements."),
		N_("A few comments or posts a week"),
		N_("Forums by topic and by city, such as those of Montréal or "
		   "Québec City. Mostly younger adults, more often in English "
		   "than in French."),
		N_("Free."),
		N_("Answering questions where people already ask them, such as "
		   "your city's forum, and hearing what people say about your "
		   "issue. Self-promotion is frowned upon."),
		PF_COUNT_CODEPOINTS, 40000, 0, 0
	},
};

const char *const platform_keys[PF__MAX + 1] = {
	[PF_FACEBOOK] = "facebook",
	[PF_INSTAGRAM] = "instagram",
	[PF_LINKEDIN] = "linkedin",
	[PF_X] = "x",
	[PF_YOUTUBE] = "youtube",
	[PF_TIKTOK] = "tiktok",
	[PF_PINTEREST] = "pinterest",
	[PF_SNAPCHAT] = "snapchat",
	[PF_THREADS] = "threads",
	[PF_BLUESKY] = "bluesky",
	[PF_MASTODON] = "mastodon",
	[PF_FLICKR] = "flickr",
	[PF_REDDIT] = "reddit",
	[PF__MAX] = NULL
};

const char *const platform_names[PF__MAX + 1] = {
	[PF_FACEBOOK] = "Facebook",
	[PF_INSTAGRAM] = "Instagram",
	[PF_LINKEDIN] = "LinkedIn",
	[PF_X] = "X",
	[PF_YOUTUBE] = "YouTube",
	[PF_TIKTOK] = "TikTok",
	[PF_PINTEREST] = "Pinterest",
	[PF_SNAPCHAT] = "Snapchat",
	[PF_THREADS] = "Threads",
	[PF_BLUESKY] = "Bluesky",
	[PF_MASTODON] = "Mastodon",
	[PF_FLICKR] = "Flickr",
	[PF_REDDIT] = "Reddit",
	[PF__MAX] = NULL
};

/*
 * Returns the platform whose key is key (compared exactly, so "Facebook"
 * is not "facebook"), or -1 when there is none or key is NULL.
 */
int
platform_by_key(const char *key)
{
	int i;

	if (key == NULL)
		return -1;
	for (i = 0; i < PF__MAX; i++)
		if (strcmp(platforms[i].key, key) == 0)
			return i;
	return -1;
}
