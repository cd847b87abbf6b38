from typing import List, Dict, Optional
def parse(rows: List[Dict]) -> Optional[int]:
    return len(rows)
class Item:
    def __init__(self, name: str, tags: List[str] = None) -> None:
        self.name = name
print(parse([{}, {}]), Item('a').name)
