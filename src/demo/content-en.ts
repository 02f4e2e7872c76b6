/** English text templates for the demo coffee community (titles, sentences, closers, comments by sentiment). */
import type { LangTemplates } from './content-types.ts';

export const EN: LangTemplates = {
  slots: {
    bean: ['Ethiopia Yirgacheffe', 'Colombia Huila', 'Yunnan Baoshan', 'Kenya AA', 'Panama Geisha', 'Guatemala Antigua', 'Brazil Cerrado', 'Sumatra Mandheling'],
    gear: ['gooseneck kettle', 'burr grinder', 'espresso machine', 'AeroPress', 'moka pot', 'V60 dripper', 'coffee scale', 'French press'],
    event: ['cupping session', 'latte art workshop', 'city coffee festival', 'pour-over class', 'roastery tour'],
    city: ['Shanghai', 'Beijing', 'Shenzhen', 'Hangzhou', 'Chengdu', 'Singapore'],
  },
  topics: {
    brewing: {
      positive: {
        titles: ['This {bean} pour-over was amazing', 'Finally dialled in my recipe!'],
        sentences: ['Brewed the {bean} with my {gear} and the floral notes really came through.', 'One click finer on the grinder and the sweetness just popped.', 'A month of logging every brew and my cups are so much more consistent.'],
      },
      negative: {
        titles: ['Another failed brew, so frustrating', 'My {bean} always tastes bitter'],
        sentences: ['Tried every water temperature and the {bean} is still bitter and harsh.', 'The {gear} pours so unevenly that the extraction is always off.', 'Followed the tutorial step by step and still got sour water, about to give up.'],
      },
      neutral: {
        titles: ['Recipe discussion for {bean}', 'Brew log for today'],
        sentences: ['Used a 1:15 ratio at 92°C with a total time of two and a half minutes.', 'What grind size do you use for {bean}?', 'Going to try the {gear} tomorrow to compare the flavour.'],
      },
    },
    beans: {
      positive: {
        titles: ['Highly recommend this {bean}', 'The new {bean} is a great surprise'],
        sentences: ['The {bean} has a bright acidity and a lovely sweet finish.', 'The roast is spot on and it got even better after resting a week.', 'Great value, this is my third bag already.'],
      },
      negative: {
        titles: ['Disappointed by this batch of {bean}', 'Quality control issues with {bean}'],
        sentences: ['The {bean} I received was roasted far too dark and tastes burnt.', 'The roast date on the bag was over a month ago, not fresh at all.', 'Prices went up again and it is just not worth it anymore.'],
      },
      neutral: {
        titles: ['How do you brew {bean}?', 'What beans are you drinking lately?'],
        sentences: ['This {bean} is washed process, with citrus and tea-like notes on the label.', 'Planning to order a bag of {bean} next week, any opinions first?', 'How do you store beans after opening the bag?'],
      },
    },
    gear: {
      positive: {
        titles: ['One month with the {gear}: love it', 'Upgrading my {gear} was worth it'],
        sentences: ['The {gear} is really well built and a joy to use.', 'Since switching to the {gear} my cups are much more consistent, highly recommend!', 'Support patiently walked me through the setup, great experience.'],
      },
      negative: {
        titles: ['My {gear} broke after two weeks', 'A rant about the {gear}'],
        sentences: ['The {gear} failed after two weeks and support never replied.', 'The manual is so vague that I spent a whole evening on setup.', 'Build quality is nothing like the marketing, would not recommend.'],
      },
      neutral: {
        titles: ['Advice on buying a {gear}', 'Best {gear} under 1000 CNY?'],
        sentences: ['Looking for an entry-level {gear} with a budget around 1000 CNY.', 'How often should the {gear} be cleaned?', 'Compared a few {gear} models and the specs look similar.'],
      },
    },
    cafes: {
      positive: {
        titles: ['This cafe in {city} is worth the trip', 'Weekend cafe hopping in {city}'],
        sentences: ['Found a quiet little cafe in {city} with excellent pour-overs.', 'The owner was so friendly and gave us a free tasting cup.', 'Great space and great coffee, will definitely go back.'],
      },
      negative: {
        titles: ['Overhyped cafe in {city}', 'Disappointing cafe visit'],
        sentences: ['Queued an hour at a trendy place in {city} and the coffee was mediocre.', 'Overpriced, and the staff were rather cold.', 'So crowded that there was nowhere to sit and enjoy a cup.'],
      },
      neutral: {
        titles: ['Cafe recommendations in {city}?', 'My cafe list for {city}'],
        sentences: ['Travelling to {city} next month and looking for a few good cafes.', 'Sorted my {city} cafe list by district, additions welcome.', 'Do you care more about the space or the coffee when visiting cafes?'],
      },
    },
    events: {
      positive: {
        titles: ['{event} recap: learned a lot', 'My first {event}'],
        sentences: ['The {event} last weekend was fantastic, met so many fellow coffee lovers.', 'The instructor explained extraction so clearly, it finally clicked.', 'Amazing atmosphere, cannot wait for the next one!'],
      },
      negative: {
        titles: ['The {event} was a letdown', 'Some complaints about the {event}'],
        sentences: ['The {event} was rescheduled without any notice, terrible experience.', 'The fee was not cheap but the content was thin.', 'Far too many people, I never got a turn at the hands-on part.'],
      },
      neutral: {
        titles: ['Is {event} registration open?', 'When is the next {event}?'],
        sentences: ['Does anyone know when the next {event} will be?', 'Do we need to bring our own gear to the {event}?', 'Anyone from {city} want to go to the {event} together?'],
      },
    },
    feedback: {
      positive: {
        titles: ['Love the new check-in feature', 'The community keeps getting better'],
        sentences: ['The new check-in and points system is fun, I open the app every day.', 'Support replied fast and fixed my issue in half an hour.', 'Such a friendly community, even beginner questions get patient answers.'],
      },
      negative: {
        titles: ['The app keeps crashing', 'Shipping needs to improve'],
        sentences: ['The app crashes all the time lately and I cannot even check in.', 'My order has not shipped after a week and support is unreachable.', 'The points rules keep changing and long-time members feel let down.'],
      },
      neutral: {
        titles: ['Question about the points rules', 'Feature request'],
        sentences: ['It would be nice to filter beans by roast level.', 'What can points be redeemed for?', 'Do points survive after a membership expires?'],
      },
    },
  },
  closers: {
    positive: ['Very happy overall!', 'Recommended to everyone.', 'Made my day :)'],
    negative: ['Hope the team takes this seriously.', 'Really disappointed.', 'Will not buy again.'],
    neutral: ['Happy to discuss.', 'That is all for now.', 'Thanks!'],
  },
  comments: {
    positive: ['Totally agree!', 'Same here, I love it too.', 'Learned something, thanks for sharing!', 'Saved your recipe, trying it tomorrow.', 'That looks delicious!', 'Great post!'],
    negative: ['I disagree, it is really not worth the price.', 'Had the same problem, so annoying.', 'Can the team please respond to this?', 'Fell into the same trap, would not recommend.', 'The experience really is bad.'],
    neutral: ['Where did you buy it?', 'What water temperature?', 'Following for updates.', 'Which process is this?', 'Got a link?'],
  },
  sentenceSeparator: ' ',
};
