"""Round 8, the practice's own posts: review solicitation and outcome claims caught as ideas, in
wordings nobody put in a data file, and the everyday look-alikes of each frame left alone.

Review solicitation: a review wished for in other words, a review link, page or QR code, clients'
success stories gathered or featured, a rating "on our page", a review noun beside a link or a
target, a public reply asked for after "loved your sessions?". Outcome claims: a method that never
fails, everyone already recovered, nobody relapses, a condition that cannot come back, "no more X
after our course", "N sessions with us and it's gone", a transformation on a timetable, better odds,
a promised full recovery, coming off medication, pay nothing otherwise, a certainty said after the
result, a fix of "it" in a set time after the condition was named.

Each text was written for this file; none is in tests/data.
"""

from __future__ import annotations

import pytest

CAUGHT = {
    "review_solicitation": [
        # reviews wished for in other words
        "If you've had sessions with us, we'd really appreciate a few honest reviews on Trustpilot.",
        "We'd be ever so thankful for some Google ratings from past clients!",
        "Our one ask this month: a quick testimonial for the website.",
        "hey lovely humans, a lil review on google would be amazing 🥺",
        "Could you put it in a review? It really helps small practices.",
        "Write a glowing review for us and make our day 🥰",
        "Reviews and ratings always welcome over on Yelp!",
        "Could you spare two minutes to rate your experience with us on Trustpilot?",
        "We'd be over the moon if you left us some stars on Google Maps ⭐",
        # rating it on a page
        "Enjoyed the mindfulness course? Please score it on our Facebook page.",
        # where to leave one: a review link or a QR code to a review site; a review beside a link or a target
        "The review link is pinned at the top of our page.",
        "Scan the QR code at reception to get to our Trustpilot page.",
        "Our goal: 50 reviews by Christmas! Link in bio 🎄",
        "Help us reach 100 five-star reviews before our anniversary!",
        # success stories gathered or featured; answers published
        "Calling all former clients: we're gathering success stories for our anniversary booklet.",
        "Share a photo with #MyHarbourlightJourney for a chance to be featured!",
        "Leave a comment telling us what you enjoyed about the group - we'll share the best ones on our website.",
        "Jot us a few lines on how counselling has changed things for you and we'll pop it on our noticeboard.",
        "Post a pic of your progress and tag @harbourlightcounselling 💪",
        "Tag us in a reel about your recovery journey 💪",
        # a public reply asked for after liking the practice's sessions
        "Loved the anxiety workshop? Tell everyone in the comments!",
        # a reward, whoever writes it
        "Anyone who leaves us a review this month gets a free journal.",
        "pls leave us a reveiw on google if u can x",
        "If you've worked with us, a review goes a long way.",
        "We're so close to 200 reviews!!! Help us get there 😍",
        "Did we help? Let people know on Trustpilot.",
        "Been to one of our groups? We'd love you to write about it on our Facebook wall.",
    ],
    "outcome_claim": [
        # a method that never fails; everyone already recovered; nobody relapses
        "Our hypnotherapy protocol has never once failed.",
        "Rejected by other therapists? Our approach never fails.",
        "Every couple we've worked with has stayed together.",
        "Our clients never relapse. Not once.",
        "Not one of our clients has ever relapsed.",
        # a result tied to the practice's course or a set time
        "Panic attacks? Gone after our 5-day intensive.",
        "Burnout? We sort it in 4 weeks.",
        "Struggling with OCD? We'll have it under control in 4 weeks.",
        "Two weeks with us and you're anxiety-free.",
        "From anxious wreck to fearless in just 6 sessions!",
        "No more panic attacks, ever.",
        "Fix your teenager's anxiety in 3 weeks",
        "depression?? gone in 3 sessions with us, no joke",
        "Addiction beaten in 28 days or your fee back.",
        "Kids who come to our anger group stop having tantrums within a month. Every time.",
        "Book our trauma intensive and walk away healed.",
        # certainty said after the result
        "Flashbacks banished in 2 sessions flat. That's a promise.",
        "Grief? Not after us.",
        # more than a treatment; results for everyone, for ever; better odds
        "We don't just manage anxiety, we cure it.",
        "Our stress course helps everyone, and the results are permanent.",
        "Clients who do our 8-week course are twice as likely to feel happier.",
        "With our method, panic attacks vanish for good.",
        # off medication; pay nothing otherwise
        "Eating disorder? Our programme heals the root cause so you can stop taking your meds.",
        "Come to us and you'll leave a happier person, or the next session is free.",
        # the illness forgotten; the last therapy you need; sent home changed; everyone in a share
        "After 6 weeks you'll wonder why you ever felt anxious.",
        "This is the last therapy you'll ever need.",
        "Come in stressed, leave zen. Every. Single. Time.",
        "100% of our couples report a happier marriage.",
    ],
}

NOT_FLAGGED = {
    "review_solicitation": [
        "We're reviewing our cancellation policy this month.",
        "Priya has written a review of the research on sleep and mood - link in bio.",
        "Your annual review appointment will be booked by your therapist.",
        "Rate your anxiety from 0 to 10 before and after the exercise.",
        "Write a letter to your younger self about how you felt back then.",
        "Tag us in your photos from the fun run!",
        "We'd love to hear your story in a free initial consultation.",
        "Tell the world it's ok not to be ok this Mental Health Awareness Week.",
        "Our team reviews all new referrals within five days. Link below to refer.",
        "We were featured in the Bristol Post this week!",
        "Give a gold star to our receptionist Ben who has been brilliant this week.",
        "We'd appreciate it if you could read our fees page before booking.",
        "What has helped you cope with grief? Share below, we read every comment.",
        "Our Google page has our opening hours - link in bio.",
        "The QR code on the door takes you to our booking page.",
        "We'll post our favourite recipes from the staff bake-off tomorrow!",
        "What's one thing that helped you through a hard winter? Tell us below.",
        "Thanks for the lovely review, Sam - it made our week!",
        "Please don't post reviews that mention other clients by name.",
        "Priya rated the new café next door 10/10 for its flapjacks 😄",
        "We love hearing how you're getting on - your therapist will ask in your review session.",
        "Let people know on Facebook that our carers' group has moved to Thursdays.",
        "Feedback on Google Forms: our anonymous survey link is in the bio.",
        "We're so close to 200 followers - thank you all!",
        "A little kindness goes a long way this winter.",
        "Nearly at 50 members in our walking group! Link in bio to join.",
        "A short review of your goals at session 6 helps you and your therapist stay on track.",
        "Help us get to 200 followers!",
    ],
    "outcome_claim": [
        "Our booking system has never failed us - thanks to the IT team!",
        "We've never failed to answer a call within the hour.",
        "The lift will be fixed in 2 days, sorry for the stairs.",
        "We'll sort it within 2 days - thanks for your patience while the website is down.",
        "Stress at work? Our new booking portal means no more phone queues.",
        "People who exercise are twice as likely to sleep well, studies show.",
        "Anxiety can come back, and that's ok - relapse is part of recovery.",
        "Talk to your GP before you stop taking your medication.",
        "That's our promise: we'll always call you back within a working day.",
        "Trauma doesn't have to define you. We offer a safe space to explore it, at your pace.",
        "84% of clients who finished therapy reported some improvement - results vary from person to person.",
        "Tips to fix your relationship with sleep on our blog.",
        "From Monday to Friday in 2 weeks we're running extra evening clinics.",
        "Feeling nervous about your first session? We'll walk you through it - that's what we do.",
        "The snow is all gone after the weekend, so in-person sessions are back on!",
        "Our team's mood has never been better since the new coffee machine arrived ☕",
        "Reminder: no more sessions in Room 4 after our move next month.",
        "We can't guarantee results, but we can promise you'll be heard.",
        "Many people find their panic attacks ease after a course of CBT.",
        "We'll have the car park resurfaced within 2 weeks.",
        "Our waiting list is gone! We can see new clients within a week.",
        "Your place on the course is guaranteed once the deposit is paid.",
        "Every client gets a free initial chat before booking.",
        "Come in anxious, leave whenever you're ready - there's no pressure in a first session.",
        "You'll forget you were ever nervous about the waiting room once you meet Ben 😄",
        "100% of our therapists are BACP registered.",
        "You'll never walk alone - our peer group meets every Monday.",
        "No more paper forms! Our new portal means you can update details online.",
        "Our approach has never been about quick fixes.",
        "Is your anxiety gone after a session? Sometimes! Often it takes longer.",
        "We promise to always be honest with you about what therapy can and can't do.",
        "Worries often disappear once they're written down - try our free worry diary.",
        "Kids are 3 times more likely to open up in the car, research shows - try it on the school run!",
        "All our groups are free for under-25s. That's a promise we're proud of.",
    ],
}


@pytest.mark.parametrize("category,text", [(c, t) for c, ts in CAUGHT.items() for t in ts])
def test_own_post_ideas_in_new_wordings_are_caught(check, category, text):
    assert category in check(text, own=True, wording_models=False), text


@pytest.mark.parametrize("category,text", [(c, t) for c, ts in NOT_FLAGGED.items() for t in ts])
def test_own_post_look_alikes_are_left_alone(check, category, text):
    assert category not in check(text, own=True), text

