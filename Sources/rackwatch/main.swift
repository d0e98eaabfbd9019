print("rackwatch")
