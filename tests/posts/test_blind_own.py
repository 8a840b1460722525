"""Round 5, the practice's own posts: each idea (asking for public reviews, promising results,
promoting another business, asking for money or personal details) is caught in wordings nobody put
in a data file, and the look-alikes of each idea (private feedback, hedged research, the practice's
own courses, scam warnings) are left alone.

None of these texts is in tests/data: each was written for this file, after reading the blind sets'
misses for the idea behind them, in other verbs, word orders, slang and misspellings.
"""

from __future__ import annotations

import pytest

CAUGHT = {
    "review_solicitation": [
        # asking for stars, ratings or reviews, with or without naming a platform
        "Loved your sessions? Pop a few stars on our Google page, it takes 30 seconds!",
        "plz leave us a reveiw on google, it means loads",
        "Score your counsellor out of 10 in the replies, we love reading them",
        "Give your therapist a rating from 1 to 5 below 👇",
        "Comment a ❤️ if our team helped you through a tough time",
        "Pop a 🌟 below if our counsellors have made a difference for you",
        # incentives for reviews
        "Anyone who posts a review before Friday goes into our prize draw for a free massage 🎁",
        "Review us on Google and get £5 off your next appointment",
        # public stories, experiences, testimonials
        "Describe your time with our counsellors in three words below 👇",
        "What has changed for you since you started seeing us? Tell everyone in the comments!",
        "Film a quick clip about your therapy journey with us and we'll repost it!",
        "Post your before and after story and tag us so we can share it 💫",
        "Send us a testimonal for the new website please!",
        "Our clients' stories inspire others: email us yours and we might feature it on the site",
        "What's the best thing that came out of your sessions with us? Answer below 💬",
        # second batch, written after the first rules passed
        'Would you mind giving us a quick star rating? It helps other people find us 💙',
        'If your counsellor made a difference, please say so on Google 🙏',
        'Be part of our wall of thanks: send in a few words about your time with us!',
        "We're up for a local award 🏆 vote for us and tell the panel what we did for you",
        'Had a breakthrough with us recently? Shout about it in the comments!',
        'How many stars would you give your first session? ⭐ Tell us below',
        'Quick ask: a 5* google review from you would make our week',
        'Everyone who writes us a review this month is entered to win a spa day',
        "Tag us in a post about how counselling helped you and we'll share it",
        'Clients, could you vouch for us on Nextdoor? Means a lot 💛',
    ],
    "outcome_claim": [
        "Book our 6-week course and your panic attacks will be history.",
        "Anxiety will be a distant memory after our weekend retreat.",
        "Nobody walks out of our clinic still anxious. We make sure of it.",
        "Clients who finish our programme never relapse. That's our pledge.",
        "Low mood? Not once you've done our 8 weeks with Priya.",
        "Every single parent who attends our workshop sees the tantrums stop.",
        "Stress? We'll get you back to your best self within a month.",
        "Our trusted method clears trauma in only 5 sessions.",
        "Not one of our clients has ever failed to improve.",
        "We've never had a couple split up after our course.",
        "Insomnia fixed in 3 nights with our tried and tested programme.",
        "Hypnotherapy with Tom = no more cravings, garanteed",
        "9 out of 10 of our clients are symptom-free after six sessions.",
        # second batch, written after the first rules passed
        'Say farewell to panic attacks — our programme ends them for good',
        'Your phobia will be gone by the end of one session, we promise',
        "There's not a single couple we've worked with who didn't stay together",
        'Within six sessions, 97% of our clients are depression-free',
        'Our ACT course is proven to eliminate burnout',
        'Do our 3-day retreat and walk away a new person, guaranteed',
        "We'll have your anxiety sorted in a fortnight",
        "One hypnotherapy session and you'll never crave a cigarette again",
        'Results guaranteed: calmer kids in 2 weeks or your money refunded',
        'Nobody who has done our trauma course still has flashbacks',
    ],
    "endorsement": [
        "Our friends over at Brightleaf Teas are offering 20% off for our followers this month",
        "Our partners at Oakmoss Candles have an exclusive deal on this week, link in bio",
        "Proud to be the official wellbeing partner of Riverside Runners, members get a discount",
        "Looking for extra income from home? Our receptionist has joined a fab wellness business, drop her a message 💜",
        "We now sell Calmora bath salts at reception, perfect for winding down!",
        "We're stockists of Driftwood CBD oil, ask at the front desk",
        "Our go-to journal is the Stillwater planner, on sale now at stillwater.example/harbour",
        "Tell the staff at Lotus Yoga you saw this post and get your first class free",
        "Say our name at Pebble Spa for a complimentary upgrade!",
        "This post is sponsered by Mellow Melatonin",
        "Dr Okafor's new favourite supplement from VitaCore is on offer this week, link below",
        "Earn money while helping others: become a distributor with PureOils, ask us how",
        # second batch, written after the first rules passed
        'Huge thanks to our sponsors at Greenway Pharmacy 💚 pop in and mention us for 10% off vitamins',
        'Team fave: the Drift sleep app. Get a free month using HARBOUR at sign-up',
        "Our founder's new book is out! Order your signed copy through the link in our bio",
        "We've partnered with Glow Yoga: our clients get their first class free",
        "This week's recommendation: Dreamwell pillows. We earn a small commission from sales",
        "Check out Kindred Candles, our pals down the road, they're doing 2 for 1 this weekend",
        "Want financial freedom? Ask Tom about the wellness business he's building 💸",
        'Gifted by Serene Skin: we love their calming balm, link to shop below',
    ],
    "payment_request": [
        "Reply to this post with the 16 digits on the front of your card to confirm your slot",
        "Pay your deposit by commenting the numbers on your debit card below",
        "To get your refund, send us a pic of your bank card (both sides) in DMs",
        "Account check: type the one-time code we've just texted you in the comments",
        "Session fees can now be paid in Ethereum, wallet address pinned above",
        "Please settle your invoice using iTunes vouchers, DM the codes",
        "Comment 'BOOK' and we'll DM you a payment link",
        "Share your login and passcode for the client portal so we can move your account over",
        "Send over your National Insurance number via Messenger for our records",
        "pls dm ur card no + exp + cvc to secure ur spot",
        # second batch, written after the first rules passed
        'Reminder: please transfer your session fee to our new account, details in our DMs',
        'Accepting Apple Pay now! Send payment to the number in our bio',
        'We need your PIN to process the refund, please message us privately',
        "Pop your card details in the comments and we'll book you in",
        'Send us your DOB and home address so we can post your appointment letter',
        'Your account has been flagged. Click harbour-verify.example and log in to keep your booking',
        'Pay your invoice with Amazon vouchers and get a bonus session',
        'Drop your mobile number and date of birth below to join the waiting list',
    ],
}

NOT_FLAGGED = {
    "review_solicitation": [
        "Feedback helps us improve: use the private form on our website, it goes only to our clinical lead.",
        "Share this post with someone who might need to hear it today 💙",
        "Spread the word: our free anxiety workshop is back on Thursday!",
        "What's one thing that helps you switch off after work? Tell us below (no personal health details please)",
        "Rate your stress from 1 to 10 this week, then try the breathing exercise in our latest blog",
        "We don't do testimonials: every client's experience stays private.",
        "Our therapists review their caseloads every month with a supervisor.",
        "Tell us what topics you'd like us to cover on the blog next!",
        "Thank you for all the kind words on our anniversary post 💛",
        # second batch, written after the first rules passed
        'Comments on our Facebook page are moderated during office hours.',
        'We now post these tips on LinkedIn too!',
        'Thank you for the lovely reviews this year, we read every single one 💛',
        'Our clinical team reviews all new referrals within 5 working days.',
        'What would you like to see more of on this page? Let us know below!',
        "Please don't share details of your sessions with us in the comments below; this page is public.",
    ],
    "outcome_claim": [
        "Therapy can help many people, though results vary and nobody can promise an outcome.",
        "Every client who books this month gets a free workbook.",
        "We're asking every client to fill in the short survey at reception.",
        "Every client deserves to feel heard.",
        "Studies suggest around half of people with anxiety improve after a course of CBT.",
        "Our receptionist Jean has never had a sick day in 15 years!",
        "Grief doesn't disappear in a few weeks, and that's ok.",
        "No one should have to face depression alone.",
        "Paper forms are a thing of the past: our new online form is live.",
        # second batch, written after the first rules passed
        'As promised, here are the slides from our sleep workshop.',
        'This quote gets us every single time 💙',
        'Every single person who walks through our door deserves respect.',
        'Book by Friday and your place on the course is guaranteed.',
        "We're moving permanently to Harbour Street from 1 March.",
        'Some people find that anxiety eases after a few sessions; everyone is different.',
        'We never promise a cure, but we promise to listen.',
        'Grief never fully disappears, and that is ok.',
    ],
    "endorsement": [
        "We're proud to support Bristol Mind's winter appeal this year.",
        "Thanks to the Old Library for hosting our workshop last week.",
        "We work closely with our partners at the local NHS Talking Therapies service.",
        "Our own 6-week mindfulness course is now open for booking at harbourlight.example/courses",
        "Warning: an account offering discount codes for supplements in our name is fake. It isn't us.",
        "The NHS website has a good page on sleep problems: nhs.uk/live-well/sleep",
        "Our reception now sells nothing but tea and sympathy 😄 see you soon",
        # second batch, written after the first rules passed
        'Our team is doing a sponsored walk for Mind on Sunday, sponsor us here!',
        'New blog: supporting a partner with depression.',
        "We're proud to be partnered with the local NHS Talking Therapies service.",
        'Our favourite part of the job? Meeting you all at the open day!',
        'Student discount: 20% off counselling sessions this term.',
        'Thanks to our friends at the community centre for lending us the hall.',
    ],
    "payment_request": [
        "Fees are on our website; you pay at reception by card or through the secure client portal.",
        "Scam alert: someone is messaging people asking for card numbers and gift cards. That isn't us.",
        "We'll never ask for your password, PIN or bank details here.",
        "Please don't post your phone number or address in the comments.",
        "Card payments are now accepted at reception 💳",
        "Harbourlight gift vouchers make a thoughtful present, ask at reception.",
        "Crypto scams are on the rise: never send money to someone you met online.",
        # second batch, written after the first rules passed
        "We've moved to a new online booking system. Payment is still taken at reception.",
        'Gift vouchers for counselling sessions are available from reception.',
        'Never share your PIN or passwords with anyone, including us.',
        'Our NHS referrals team will write to you with your appointment.',
        'Please bring your GP letter to your first session.',
    ],
}


@pytest.mark.parametrize("category,text", [(c, t) for c, texts in CAUGHT.items() for t in texts])
def test_new_wordings_of_each_idea_are_caught(check, category, text):
    assert category in check(text, own=True), text


@pytest.mark.parametrize("category,text", [(c, t) for c, texts in NOT_FLAGGED.items() for t in texts])
def test_look_alikes_are_left_alone(check, category, text):
    assert category not in check(text, own=True), text


def test_a_review_incentive_is_not_an_outcome_claim(check):
    found = check("Everyone who reviews us on Google this month gets a free tote bag", own=True)
    assert "review_solicitation" in found and "outcome_claim" not in found


def test_an_investment_partner_is_an_endorsement_not_a_payment_request(check):
    found = check("Our friends at CoinNest make investing in crypto simple, sign up with our referral link", own=True)
    assert "endorsement" in found and "payment_request" not in found


def test_an_approved_partner_is_not_flagged(check):
    text = "Our partners at Oakmoss Candles have an exclusive deal on this week, link in bio"
    assert "endorsement" not in check(text, own=True, approved_endorsements=["Oakmoss Candles"])
